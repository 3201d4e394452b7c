extension DashboardTemplates {
    static let calendars = """
        <header>
        <h1>Lịch ngày làm việc <span class="en">/ Working-day calendars</span></h1>
        <form method="post" action="/logout"><input type="hidden" name="csrf" value="{{csrf}}"><a class="nav" href="/">Tổng hợp / Overview</a> <a class="nav" href="/kiosks">Máy kiosk / Kiosks</a> <span>{{user}}</span> <button type="submit">Đăng xuất / Sign out</button></form>
        </header>
        <main>
        {{#notice}}<section><p id="notice">{{notice}}</p></section>{{/notice}}
        {{#alertYear}}<section id="calendar-alerts">
        <h2>Cảnh báo <span class="en">/ Alerts</span></h2>
        <ul>
        {{#lacking}}<li data-kiosk="{{id}}">Máy {{id}} ({{office}}, {{district}}) chưa có lịch năm {{alertYear}}. <span class="en">/ lacks the {{alertYear}} calendar.</span></li>
        {{/lacking}}{{^lacking}}<li>Mọi máy đã có lịch năm {{alertYear}}. <span class="en">/ Every kiosk has the {{alertYear}} calendar.</span></li>{{/lacking}}
        </ul>
        </section>{{/alertYear}}
        <section>
        <h2>Tải lên lịch <span class="en">/ Upload a calendar</span></h2>
        <p>Tệp <code>YYYY.toml</code> được kiểm tra như kioskd kiểm tra, đánh số phiên bản theo năm và ký bằng khóa của máy chủ; các máy tải về trong lần gửi số liệu ban đêm.
        <span class="en">/ The file is checked as kioskd checks it, versioned per year and signed with this collector's key; kiosks fetch it on their nightly push.</span></p>
        {{#publicKey}}<p>Khóa công khai của máy chủ <span class="en">/ Collector key</span> (<code>[sync] collector_key</code>): <code id="collector-key">{{publicKey}}</code> — {{fingerprint}}</p>{{/publicKey}}
        {{#hasProblems}}<div class="error" id="calendar-error"><p>Tệp bị từ chối <span class="en">/ The file is refused</span>:</p><ul>{{#problems}}<li>{{.}}</li>{{/problems}}</ul></div>{{/hasProblems}}
        <form method="post" action="/calendars" enctype="multipart/form-data" class="filters" id="upload"><input type="hidden" name="csrf" value="{{csrf}}">
        <label>Tệp lịch <span class="en">/ Calendar file</span><input type="file" name="file" accept=".toml" required></label>
        <button type="submit">Tải lên / Upload</button>
        </form>
        </section>
        <section>
        <h2>Lịch của từng máy <span class="en">/ Calendars per kiosk</span></h2>
        <table id="calendar-kiosks">
        <thead><tr><th>Mã máy / Kiosk</th><th>Văn phòng / Office</th><th>Quận/huyện <span class="en">/ District</span></th><th>Năm và phiên bản <span class="en">/ Years and versions</span></th><th>Báo lần cuối <span class="en">/ Last reported</span></th></tr></thead>
        <tbody>
        {{#kiosks}}<tr data-kiosk="{{id}}" data-holdings="{{holdings}}"><td>{{id}}{{#lacksNextYear}} <span class="low">⚠</span>{{/lacksNextYear}}</td><td>{{office}}</td><td>{{district}}</td><td>{{holdings}}</td><td>{{lastReported}}</td></tr>
        {{/kiosks}}{{^kiosks}}<tr><td colspan="5">Chưa có máy nào / No kiosks yet</td></tr>{{/kiosks}}
        </tbody>
        </table>
        </section>
        <section>
        <h2>Các phiên bản đã lưu <span class="en">/ Stored versions</span></h2>
        <table id="calendar-versions">
        <thead><tr><th>Năm / Year</th><th class="n">Phiên bản / Version</th><th>SHA-256</th><th>Thêm lúc <span class="en">/ Added</span></th><th>Người thêm <span class="en">/ By</span></th></tr></thead>
        <tbody>
        {{#versions}}<tr data-year="{{year}}" data-version="{{version}}"><td>{{year}}</td><td class="n">{{version}}</td><td><code>{{sha256}}</code></td><td>{{addedAt}}</td><td>{{addedBy}}</td></tr>
        {{/versions}}{{^versions}}<tr><td colspan="5">Chưa có lịch nào / No calendars yet</td></tr>{{/versions}}
        </tbody>
        </table>
        </section>
        </main>
        """
}
