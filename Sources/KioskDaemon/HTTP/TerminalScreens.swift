import Foundation
import KioskCore
import KioskProtocol

/// The rating screen of a counter and the entrance ticket menu, laid out from the same office file
/// as their touch zones: each zone is a box at the same place, in percent of the screen, so what a
/// citizen sees is where kioskd counts the touch (the touchscreen is kioskd's, the browser only
/// shows). States follow the server-sent events.
enum TerminalScreens {
    static let words = (
        waitForStaff: "Mời quý khách chờ nhân viên hoàn tất hồ sơ / Please wait until the clerk is done",
        thanks: "Cảm ơn quý khách đã đánh giá! / Thank you for your rating!",
        paused: "Quầy tạm dừng phục vụ / This counter is paused",
        yourNumber: "Số của quý khách / Your number",
        printerProblem: "Máy in vé đang gặp sự cố, vui lòng báo nhân viên / The ticket printer has a problem; please tell a clerk",
        rememberNumber: "Máy in vé gặp sự cố: vui lòng ghi nhớ số này và báo nhân viên / The printer failed: remember this number and tell a clerk",
        priority: "Ưu tiên / Priority",
        ratingsNotStored: "Máy tạm thời không ghi nhận được đánh giá, vui lòng báo nhân viên / Ratings cannot be recorded right now; please tell a clerk",
        ticketsNotStored: "Máy tạm thời không cấp được số, vui lòng báo nhân viên / Tickets cannot be issued right now; please tell a clerk"
    )

    /// How long the ticket menu shows the number just taken, and the number of a ticket that was
    /// not printed, with why: long enough to read it twice and note the number down.
    static let numberSeconds = 4
    static let keptNumberSeconds = 20

    static func rating(_ terminal: TerminalConfig, config: OfficeConfig) -> String? {
        guard let screen = terminal.screen else { return nil }
        let questions = config.survey.questions.map { question in
            RatingScreenSetup.Question(
                text: question.text, english: question.textEnglish, choices: question.choices.map { .init(label: $0.label, english: $0.labelEnglish) })
        }
        let armed: Bool
        if case .armed = terminal.policy { armed = true } else { armed = false }
        // A zone wider than tall puts the face to the left of the words, else above them.
        let zones = terminal.zones.map { zone in
            let shape = zone.rect.width > zone.rect.height * 1.3 ? " wide" : ""
            return box(
                zone.rect, screen: screen, attributes: #"data-zone="\#(zone.choice)" class="zone choice-\#(zone.choice)\#(shape)""#,
                body: #"<i class="face"></i><div class="words"><b></b><span></span></div>"#)
        }.joined(separator: "\n")
        let faces = config.survey.questions.map { $0.choices.map { RatingFaces.svg(.init(score: $0.score)) } }
        let facesJSON = String(decoding: (try? JSONEncoder().encode(faces)) ?? Data("[]".utf8), as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/")
        let setup = RatingScreenSetup(
            terminal: terminal.id, counter: terminal.counter, armedPolicy: armed, questions: questions, resetSeconds: terminal.sessionTimeoutSeconds)
        return page(
            title: "Đánh giá — \(config.counter(id: terminal.counter)?.name ?? terminal.counter)", zones: zones, storageWords: words.ratingsNotStored,
            header: "<div id=\"question\" class=\"banner\"></div>", setup: setup,
            script: """
                const faces = \(facesJSON);
                let question = 0, armedNow = !setup.armedPolicy, paused = false, resetTimer = null, storageDown = false;
                function show() {
                  const q = setup.questions[question];
                  document.getElementById("question").innerHTML = "";
                  const text = document.createElement("div"); text.textContent = q.text; document.getElementById("question").appendChild(text);
                  const english = document.createElement("div"); english.className = "en"; english.textContent = q.english; document.getElementById("question").appendChild(english);
                  document.querySelectorAll("[data-zone]").forEach(zone => {
                    const choice = q.choices[Number(zone.dataset.zone) - 1] || { label: "", english: "" };
                    zone.querySelector(".face").innerHTML = (faces[question] || [])[Number(zone.dataset.zone) - 1] || "";
                    zone.querySelector("b").textContent = choice.label;
                    zone.querySelector("span").textContent = choice.english;
                  });
                  state(storageDown ? "storage" : paused ? "paused" : (armedNow ? "asking" : "waiting"));
                }
                function onEvent(event) {
                  if (event.terminal === setup.terminal && event.event === "armed") { armedNow = true; show(); }
                  if (event.terminal === setup.terminal && event.event === "vote-counted") {
                    clearTimeout(resetTimer);
                    if (event.completesRating) {
                      question = 0; armedNow = !setup.armedPolicy; show(); state("thanks");
                      setTimeout(show, 3000);
                    } else {
                      question = event.questionIndex + 1; show();
                      resetTimer = setTimeout(() => { question = 0; show(); }, setup.resetSeconds * 1000);
                    }
                  }
                  if (event.event === "storage-fault") { storageDown = true; show(); }
                  if (event.event === "storage-ready") { storageDown = false; show(); }
                  if (event.counter === setup.counter && event.event === "counter-paused") { paused = true; show(); }
                  if (event.counter === setup.counter && event.event === "counter-resumed") { paused = false; show(); }
                }
                function onState(hall) {
                  const counter = hall.counters.find(c => c.id === setup.counter);
                  paused = counter ? counter.paused : false;
                  show();
                }
                show();
                """)
    }

    static func tickets(_ terminal: TicketTerminalConfig, config: OfficeConfig) -> String? {
        guard let screen = terminal.screen else { return nil }
        let zones = terminal.zones.enumerated().map { index, zone in
            let service = config.service(id: zone.choice.service)
            let body = "<b>\(ScreenPages.escape(service?.name ?? zone.choice.service))</b>"
                + (zone.choice.priority.map { "<span>\(ScreenPages.escape(words.priority)): \(ScreenPages.escape($0))</span>" } ?? "")
            return box(
                zone.rect, screen: screen,
                attributes: #"data-zone="\#(index + 1)" data-service="\#(ScreenPages.escape(zone.choice.service))" class="zone\#(zone.choice.priority == nil ? "" : " priority")""#,
                body: body)
        }.joined(separator: "\n")
        let setup = TicketScreenSetup(
            terminal: terminal.id, printer: terminal.printer, numberSeconds: numberSeconds, keptNumberSeconds: keptNumberSeconds)
        return page(
            title: "Lấy số — \(config.office.name)", zones: zones, storageWords: words.ticketsNotStored, header: "", setup: setup,
            script: """
                let printerDown = false, storageDown = false, shownNumber = null, lastIssued = null, hideTimer = null;
                // The number just taken stays in front even when the printer fails: the citizen keeps
                // it. When its ticket is not printed, kioskd's message stays with it, longer.
                function show() {
                  document.body.dataset.printer = printerDown ? "down" : "ok";
                  state(shownNumber ? "number" : storageDown ? "storage" : (printerDown ? "printer" : "menu"));
                }
                function showNumber(number, message, seconds) {
                  shownNumber = number;
                  document.getElementById("number").textContent = number;
                  // kioskd's messages are "Vietnamese / English": each language on its own lines.
                  const kept = document.getElementById("kept"), split = message.indexOf(" / ");
                  kept.textContent = split < 0 ? message : message.slice(0, split);
                  const english = document.createElement("span");
                  english.textContent = split < 0 ? "" : message.slice(split + 3);
                  kept.appendChild(english);
                  document.body.dataset.kept = message ? "yes" : "no";
                  clearTimeout(hideTimer);
                  hideTimer = setTimeout(() => { shownNumber = null; document.body.dataset.kept = "no"; show(); }, seconds * 1000);
                  show();
                }
                function onEvent(event) {
                  if (event.event === "ticket-issued" && event.terminal === setup.terminal) {
                    lastIssued = event.number;
                    showNumber(event.number, "", setup.numberSeconds);
                  }
                  // Only for the ticket just taken here: an older kept ticket's citizen has gone.
                  if (event.event === "ticket-not-printed" && event.terminal === setup.terminal && event.number === lastIssued) {
                    showNumber(event.number, event.message, setup.keptNumberSeconds);
                  }
                  if (event.event === "printer-fault" && event.printer === setup.printer) { printerDown = true; show(); }
                  if (event.event === "printer-ready" && event.printer === setup.printer) { printerDown = false; show(); }
                  if (event.event === "storage-fault") { storageDown = true; show(); }
                  if (event.event === "storage-ready") { storageDown = false; show(); }
                }
                // The printer's state comes first on the event stream (kioskd sends it when the
                // stream opens); the hall JSON's copy could cross a later event, so it is not used here.
                function onState(hall) { show(); }
                show();
                """)
    }

    private static func box(_ rect: Rect, screen: ScreenSize, attributes: String, body: String) -> String {
        let left = rect.x / Double(screen.width) * 100, top = rect.y / Double(screen.height) * 100
        let width = rect.width / Double(screen.width) * 100, height = rect.height / Double(screen.height) * 100
        return String(format: #"<div %@ style="left:%.4f%%;top:%.4f%%;width:%.4f%%;height:%.4f%%">%@</div>"#, attributes, left, top, width, height, body)
    }

    private static func page(title: String, zones: String, storageWords: String, header: String, setup: some Encodable, script: String) -> String {
        let json = ProtocolJSON.encode(setup).replacingOccurrences(of: "</", with: "<\\/")
        return """
            <!DOCTYPE html>
            <html lang="vi" translate="no">
            <head>
            \(ScreenPages.kioskHead)
            <title>\(ScreenPages.escape(title))</title>
            <style>
            html, body { margin: 0; width: 100vw; height: 100vh; overflow: hidden; background: #f6f7f9; font-family: "DejaVu Sans", Arial, sans-serif; }
            .zone { position: absolute; box-sizing: border-box; border: .4vh solid #fff; border-radius: 1.2vh; background: #1b6e2f; color: #fff;
                    display: flex; flex-direction: column; align-items: center; justify-content: center; text-align: center; padding: 1vh;
                    container-type: size; gap: 2cqh; }
            .zone b, .zone span { display: block; } .zone b { font-size: 4.2vh; } .zone span { font-size: 2.6vh; color: #f1f3f5; }
            .face { display: block; flex: none; width: min(78cqw, 42cqh); aspect-ratio: 1; } .face:empty { display: none; }
            .face svg { display: block; width: 100%; height: 100%; }
            .zone.wide { flex-direction: row; justify-content: flex-start; text-align: left; gap: 4cqw; padding-left: 4vw; }
            .zone.wide .face { width: min(36cqw, 82cqh); }
            /* Colour only helps: the face and the words carry the choice. Each box keeps 4.5:1 with white text. */
            .choice-2 { background: #4a6a0b; } .choice-3 { background: #a84300; } .choice-4 { background: #b02525; } .choice-5 { background: #732a88; }
            .zone.priority { background: #a4161a; }
            .banner { position: absolute; left: 0; right: 0; top: 0; padding: 2vh 3vw; font-size: 4.5vh; font-weight: bold; color: #0b2545; text-align: center; }
            .banner .en { font-size: 3vh; font-weight: normal; color: #555; }
            .cover { position: absolute; inset: 0; display: none; align-items: center; justify-content: center; text-align: center;
                     font-size: 5vh; font-weight: bold; color: #fff; background: #0b2545; padding: 5vw; }
            #number { display: block; font-size: 18vh; margin-top: 2vh; }
            #remember, #kept { display: none; font-size: 3.4vh; color: #f4d35e; } body[data-printer=down] #remember { display: block; }
            body[data-kept=yes] #kept { display: block; }
            #kept span { display: block; margin-top: 1vh; font-size: 2.8vh; font-weight: normal; color: #e9ecef; } body[data-kept=yes] #remember { display: none; }
            body[data-state=waiting] #waiting, body[data-state=thanks] #thanks, body[data-state=paused] #paused,
            body[data-state=number] #issued, body[data-state=printer] #printer, body[data-state=offline] #offline,
            body[data-state=storage] #storage { display: flex; }
            </style>
            </head>
            <body data-state="loading">
            \(header)
            \(zones)
            <div class="cover" id="waiting">\(ScreenPages.escape(words.waitForStaff))</div>
            <div class="cover" id="thanks">\(ScreenPages.escape(words.thanks))</div>
            <div class="cover" id="paused">\(ScreenPages.escape(words.paused))</div>
            <div class="cover" id="issued"><div>\(ScreenPages.escape(words.yourNumber))<span id="number"></span><small id="remember">\(ScreenPages.escape(words.rememberNumber))</small><small id="kept"></small></div></div>
            <div class="cover" id="printer">\(ScreenPages.escape(words.printerProblem))</div>
            <div class="cover" id="storage">\(ScreenPages.escape(storageWords))</div>
            <div class="cover" id="offline">Mất kết nối với máy, đang thử lại… / Connection lost, retrying…</div>
            <script>
            const setup = \(json);
            let lastState = "loading";
            function state(name) { lastState = name; document.body.dataset.state = name; }
            \(script)
            function connect() {
              const source = new EventSource("/api/v1/events");
              source.onopen = async () => {
                const answer = await fetch("/api/v1/hall", { cache: "no-store" });
                if (answer.ok) onState(await answer.json()); else show();
              };
              source.onerror = () => state("offline");
              source.onmessage = message => onEvent(JSON.parse(message.data));
            }
            connect();
            </script>
            </body>
            </html>
            """
    }
}
