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
dotnet build WarrantyPortal -v q -nologo >/dev/null
