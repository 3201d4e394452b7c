/// The screens kioskd serves to the kiosk browser, with their words (Vietnamese first, English
/// second) in one place. Inline CSS and script, no fonts or anything from another server. A page
/// loads its state from the API, then follows the server-sent events; when kioskd restarts, the
/// browser's EventSource reconnects by itself and the page loads the state again.
enum ScreenPages {
    static func hall(officeName: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="vi" translate="no">
        <head>
        \(kioskHead)
        <title>Màn hình gọi số — \(escape(officeName))</title>
        <style>
        html, body { margin: 0; height: 100%; background: #0b2545; color: #fff; font-family: "DejaVu Sans", Arial, sans-serif; }
        header { background: #a4161a; padding: 1.5vh 2vw; font-size: 3.4vh; font-weight: bold; }
        main { display: flex; gap: 2vw; padding: 2vh 2vw; height: 84vh; box-sizing: border-box; }
        section { background: #13315c; border-radius: 1vh; padding: 1.5vh 1.5vw; overflow: hidden; }
        #calls { flex: 3; } #waiting { flex: 2; }
        h2 { margin: 0 0 1.5vh; font-size: 3vh; color: #f4d35e; }
        .en { color: #b8c4d6; font-weight: normal; font-size: .8em; }
        table { width: 100%; border-collapse: collapse; }
        td { padding: 1vh .5vw; border-bottom: 1px solid #25497a; font-size: 4vh; }
        td.number { font-size: 7vh; font-weight: bold; text-align: right; letter-spacing: .05em; }
        tr.flash td { background: #f4d35e; color: #0b2545; }
        tr.paused td.number { font-size: 3vh; color: #b8c4d6; }
        #offline { position: fixed; bottom: 0; left: 0; right: 0; background: #c9252c; padding: 1vh 2vw; font-size: 2.6vh; }
        </style>
        </head>
        <body>
        <header>\(escape(officeName))</header>
        <main>
        <section id="calls"><h2>Mời số <span class="en">/ Now calling</span></h2><table><tbody id="counters"></tbody></table></section>
        <section id="waiting"><h2>Đang chờ <span class="en">/ Waiting</span></h2><table><tbody id="services"></tbody></table></section>
        </main>
        <div id="offline" hidden>Mất kết nối với máy, đang thử lại… / Connection lost, retrying…</div>
        <script>
        const words = { counter: "Quầy", paused: "Tạm dừng / Paused", none: "—" };
        const flashing = {};
        function cell(row, text, className) {
          const td = document.createElement("td");
          td.textContent = text;
          if (className) td.className = className;
          row.appendChild(td);
          return td;
        }
        function render(state) {
          const counters = document.getElementById("counters");
          counters.replaceChildren(...state.counters.map(counter => {
            const row = document.createElement("tr");
            row.dataset.counter = counter.id;
            row.dataset.current = counter.current || "";
            if (counter.paused) row.classList.add("paused");
            if (flashing[counter.id] && flashing[counter.id] === counter.current) row.classList.add("flash");
            cell(row, words.counter + " " + counter.number);
            cell(row, counter.paused ? words.paused : (counter.current || words.none), "number");
            return row;
          }));
          const services = document.getElementById("services");
          services.replaceChildren(...state.services.map(service => {
            const row = document.createElement("tr");
            row.dataset.service = service.id;
            row.dataset.waiting = service.waiting;
            cell(row, service.name);
            cell(row, String(service.waiting), "number");
            return row;
          }));
        }
        async function load() {
          const answer = await fetch("/api/v1/hall", { cache: "no-store" });
          if (answer.ok) render(await answer.json());
        }
        function online(yes) {
          document.getElementById("offline").hidden = yes;
          document.body.dataset.connection = yes ? "online" : "offline";
        }
        function connect() {
          const source = new EventSource("/api/v1/events");
          source.onopen = () => { online(true); load(); };
          source.onerror = () => online(false);
          source.onmessage = message => {
            const event = JSON.parse(message.data);
            if (event.event === "ticket-called") {
              flashing[event.counter] = event.number;
              setTimeout(() => { if (flashing[event.counter] === event.number) { delete flashing[event.counter]; load(); } }, 10000);
            }
            if (event.event.startsWith("ticket-") || event.event.startsWith("counter-")) load();
          };
        }
        connect();
        </script>
        </body>
        </html>
        """
    }

    /// The head every screen starts with. The page is Vietnamese on purpose, so the browser must
    /// not offer to translate it (Chromium ignores `--lang` on Linux and would); no zoom, no
    /// pointer, no selection, callout or context menu: the touchscreen is kioskd's (it grabs the
    /// device), and a touch that reaches the browser all the same, while kioskd restarts, must do
    /// nothing.
    static let kioskHead = """
        <meta charset="utf-8">
        <meta name="google" content="notranslate">
        <meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no">
        <style>
        html, body { cursor: none; user-select: none; -webkit-user-select: none; -webkit-touch-callout: none; touch-action: none; overscroll-behavior: none; }
        </style>
        <script>document.addEventListener("contextmenu", event => event.preventDefault());</script>
        """

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
