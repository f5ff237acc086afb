// Counts down buttons marked data-countdown="<seconds>" (the "send a new code" button of the static sign-in page),
// then enables them. The server enforces the wait in any case; this only shows it.
(() => {
    function start(root) {
        root.querySelectorAll('[data-countdown]').forEach(button => {
            const seconds = parseInt(button.dataset.countdown, 10) || 0;
            if (button.dataset.countdownStarted || seconds <= 0) return;
            button.dataset.countdownStarted = '1';
            const end = Date.now() + seconds * 1000;
            const tick = () => {
                const left = Math.ceil((end - Date.now()) / 1000);
                if (left <= 0) {
                    button.disabled = false;
                    button.textContent = button.dataset.readyLabel;
                    return;
                }
                button.disabled = true;
                button.textContent = button.dataset.waitLabel.replace('{0}', left);
                setTimeout(tick, 250);
            };
            tick();
        });
    }
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => start(document));
    else start(document);
    window.Blazor?.addEventListener?.('enhancedload', () => start(document));
})();
