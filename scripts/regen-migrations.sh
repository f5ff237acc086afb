#!/usr/bin/env bash
# Regenerates the single initial migration for each provider from the current model.
# Used while nothing is released; once the portal is live, add migrations instead.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
rm -rf WarrantyPortal/Data/Migrations
dotnet build WarrantyPortal -v q -nologo >/dev/null
dotnet ef migrations add Initial --no-build --project WarrantyPortal --output-dir Data/Migrations/Sqlite \
  -- --Database:Provider=Sqlite
# EF puts a new snapshot beside any file of the same name it finds, so the SQLite set steps aside meanwhile.
aside=$(mktemp -d)
mv WarrantyPortal/Data/Migrations/Sqlite "$aside/"
dotnet ef migrations add Initial --no-build --project WarrantyPortal --output-dir Data/Migrations/Postgres \
  -- --Database:Provider=Postgres "--Database:ConnectionString=Host=127.0.0.1;Database=design;Username=postgres"
mv "$aside/Sqlite" WarrantyPortal/Data/Migrations/
rmdir "$aside"
# SQL that EF does not model (the order grid's trigram search: an FTS5 table and its triggers on SQLite, pg_trgm indexes
# on PostgreSQL) is written by OrderAuditSearch; the initial migration of each provider calls it last in Up, first in Down.
for f in WarrantyPortal/Data/Migrations/*/*_Initial.cs; do
  perl -0pi -e 's/(\n        \}\n\n        \/\/\/ <inheritdoc \/>\n        protected override void Down\(MigrationBuilder migrationBuilder\)\n        \{\n)/\n            global::WarrantyPortal.Features.Admin.Orders.OrderAuditSearch.Create(migrationBuilder);$1            global::WarrantyPortal.Features.Admin.Orders.OrderAuditSearch.Drop(migrationBuilder);\n\n/ or die "no Up\/Down boundary in $ARGV\n"' "$f"
done
dotnet build WarrantyPortal -v q -nologo >/dev/null
