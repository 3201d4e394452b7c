/// The dashboard's pages (mustache; `{{…}}` escapes HTML). Vietnamese first, English second; one
/// inline style sheet, no scripts, fonts or anything from another server, so it works offline and
/// on a phone.
enum DashboardTemplates {
    static let layout = """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} — Chỉ số hài lòng Một cửa</title>
        <style>
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 0; color: #1b1b1b; background: #f6f7f9; }
        header { background: #a4161a; color: #fff; padding: .8rem 1rem; display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .5rem; }
        header h1 { font-size: 1.15rem; margin: 0; }
        header form { margin: 0; }
        main { padding: 1rem; max-width: 64rem; margin: auto; }
        section { background: #fff; border-radius: .4rem; padding: .8rem 1rem; margin-bottom: 1rem; box-shadow: 0 1px 2px #0002; overflow-x: auto; }
        h2 { font-size: 1.05rem; margin: .2rem 0 .6rem; }
        table { border-collapse: collapse; width: 100%; font-size: .92rem; }
        th, td { text-align: left; padding: .35rem .4rem; border-bottom: 1px solid #e3e3e3; }
        td.n, th.n { text-align: right; white-space: nowrap; }
        .low { color: #a4161a; font-weight: bold; }
        .en { color: #666; font-size: .85em; }
        .figures { display: flex; flex-wrap: wrap; gap: 1rem; }
        .figure { flex: 1 1 9rem; }
        .figure b { display: block; font-size: 1.6rem; }
        form.filters { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; }
        label { display: flex; flex-direction: column; font-size: .85rem; gap: .2rem; }
        input, select, button { font: inherit; padding: .35rem .5rem; }
        button { background: #a4161a; color: #fff; border: 0; border-radius: .3rem; cursor: pointer; }
        header button { background: #fff; color: #a4161a; }
        header a.nav { color: #fff; margin-right: .6rem; }
        td code { font-size: .85em; }
        .error { color: #a4161a; }
        svg text { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 12px; }
        </style>
        </head>
        <body>
        {{{body}}}
        </body>
        </html>
        """

    static let login = """
        <header><h1>Chỉ số hài lòng Bộ phận Một cửa <span class="en">/ One-stop office satisfaction</span></h1></header>
        <main>
        <section>
        <h2>Đăng nhập <span class="en">/ Sign in</span></h2>
        {{#error}}<p class="error" id="login-error">{{error}}</p>{{/error}}
        <form method="post" action="/login" class="filters">
        <label>Tên đăng nhập <span class="en">/ User name</span><input name="name" autocomplete="username" required value="{{name}}"></label>
        <label>Mật khẩu <span class="en">/ Password</span><input name="password" type="password" autocomplete="current-password" required></label>
        <button type="submit">Đăng nhập / Sign in</button>
        </form>
        </section>
        </main>
        """

    static let overview = """
        <header>
        <h1>Chỉ số hài lòng <span class="en">/ Satisfaction index</span> — {{scope}}</h1>
        <form method="post" action="/logout"><input type="hidden" name="csrf" value="{{csrf}}">{{#admin}}<a class="nav" href="/kiosks">Máy kiosk / Kiosks</a> <a class="nav" href="/calendars">Lịch / Calendars</a> {{/admin}}<span>{{user}}</span> <button type="submit">Đăng xuất / Sign out</button></form>
        </header>
        <main>
        <section>
        <form method="get" action="/" class="filters">
        <label>Kỳ <span class="en">/ Period</span><select name="period">{{#periods}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/periods}}</select></label>
        <label>Ngày trong kỳ <span class="en">/ A day in it</span><input type="date" name="day" value="{{day}}"></label>
        <label>Theo <span class="en">/ By</span><select name="by">{{#breakdowns}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/breakdowns}}</select></label>
        <button type="submit">Xem / Show</button>
        </form>
        <p>{{from}} – {{to}}</p>
        </section>
        <section>
        <h2>Tổng hợp <span class="en">/ Summary</span></h2>
        <div class="figures">
        <div class="figure">Số câu trả lời <span class="en">/ Answers</span><b id="total-answers">{{total.answers}}</b></div>
        <div class="figure">Tỷ lệ hài lòng <span class="en">/ Satisfied</span><b id="total-percent">{{total.percent}}</b></div>
        <div class="figure">Điểm trung bình <span class="en">/ Mean score</span><b id="total-mean">{{total.mean}}</b></div>
        </div>
        </section>
        <section>
        <h2>Tỷ lệ hài lòng theo {{byLabel}}</h2>
        <svg id="chart" role="img" aria-label="Tỷ lệ hài lòng / Satisfied (%)" viewBox="0 0 600 {{chartHeight}}" width="100%">
        {{#bars}}<g data-key="{{key}}"><text x="0" y="{{textY}}">{{label}}</text><rect x="220" y="{{y}}" width="{{width}}" height="18" fill="{{colour}}"></rect><text x="{{valueX}}" y="{{textY}}">{{percent}}</text></g>
        {{/bars}}<line x1="{{thresholdX}}" y1="0" x2="{{thresholdX}}" y2="{{chartHeight}}" stroke="#a4161a" stroke-dasharray="4 3"></line>
        </svg>
        <table id="index-table">
        <thead><tr><th>{{byLabel}}</th><th class="n">Câu trả lời <span class="en">/ Answers</span></th><th class="n">Hài lòng <span class="en">/ Satisfied</span></th><th class="n">Điểm TB <span class="en">/ Mean</span></th></tr></thead>
        <tbody>
        {{#rows}}<tr data-key="{{key}}" data-percent="{{percentValue}}"><td>{{label}}{{#low}} <span class="low">⚠ dưới {{threshold}} % / below</span>{{/low}}</td><td class="n">{{answers}}</td><td class="n{{#low}} low{{/low}}">{{percent}}</td><td class="n">{{mean}}</td></tr>
        {{/rows}}{{^rows}}<tr><td colspan="4">Chưa có số liệu trong kỳ này / No figures for this period</td></tr>{{/rows}}
        </tbody>
        </table>
        <p><a href="/report.csv?{{query}}">Tải CSV (Excel) / Download CSV</a> · <a href="/report.csv?{{query}}&amp;figures=queue">Hàng đợi / Queue CSV</a></p>
        </section>
        {{#trend}}<section>
        <h2>Xu hướng theo {{unit}} <span class="en">/ Trend by {{unitEnglish}}</span></h2>
        <svg id="trend" role="img" aria-label="Tỷ lệ hài lòng theo {{unit}} / Satisfied (%) by {{unitEnglish}}" viewBox="0 0 600 190" width="100%">
        <text x="0" y="14">100 %</text><text x="0" y="84">50 %</text><text x="0" y="154">0 %</text>
        <line x1="40" y1="150" x2="600" y2="150" stroke="#999"></line>
        <line x1="40" y1="{{thresholdY}}" x2="600" y2="{{thresholdY}}" stroke="#a4161a" stroke-dasharray="4 3"></line>
        {{#columns}}<g data-key="{{key}}" data-percent="{{percentValue}}">{{#hasFigures}}<rect x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}" fill="{{colour}}"><title>{{key}}: {{percent}}</title></rect>{{/hasFigures}}{{#showLabel}}<text x="{{labelX}}" y="168" text-anchor="middle">{{label}}</text>{{/showLabel}}</g>
        {{/columns}}</svg>
        </section>{{/trend}}
        <section>
        <h2>Cảnh báo <span class="en">/ Alerts</span></h2>
        <ul id="alerts">
        {{#alerts}}<li>{{text}}</li>
        {{/alerts}}{{^alerts}}<li>Không có / None</li>{{/alerts}}
        </ul>
        </section>
        <section>
        <h2>Hàng đợi <span class="en">/ Queue</span></h2>
        <table id="queue-table">
        <thead><tr><th>{{queueByLabel}}</th><th class="n">Số vé <span class="en">/ Tickets</span></th><th class="n">Chờ TB <span class="en">/ Mean wait</span></th><th class="n">Chờ p90</th><th class="n">Vắng <span class="en">/ No-show</span></th></tr></thead>
        <tbody>
        {{#queue}}<tr><td>{{label}}</td><td class="n">{{issued}}</td><td class="n">{{meanWait}}</td><td class="n">{{p90}}</td><td class="n">{{noShow}}</td></tr>
        {{/queue}}{{^queue}}<tr><td colspan="5">Chưa có số liệu / No figures</td></tr>{{/queue}}
        </tbody>
        </table>
        </section>
        <section>
        <h2>Phiếu hẹn theo thủ tục <span class="en">/ Slips by procedure</span></h2>
        <table id="slips-table">
        <thead><tr><th>Thủ tục <span class="en">/ Procedure</span></th><th class="n">Số phiếu <span class="en">/ Slips</span></th></tr></thead>
        <tbody>
        {{#slips}}<tr><td>{{procedure}}</td><td class="n">{{count}}</td></tr>
        {{/slips}}{{^slips}}<tr><td colspan="2">Chưa có số liệu / No figures</td></tr>{{/slips}}
        </tbody>
        </table>
        <p><a href="/report.csv?{{query}}&amp;figures=slips">Tải CSV phiếu hẹn / Slips CSV</a></p>
        </section>
        <section>
        <h2>Tình trạng máy <span class="en">/ Kiosk health</span></h2>
        <table id="health-table">
        <thead><tr><th>Máy / Kiosk</th><th>Văn phòng / Office</th><th>Ngày gửi cuối <span class="en">/ Last day</span></th><th class="n">Đêm im lặng <span class="en">/ Silent nights</span></th><th class="n">Thiếu ngày <span class="en">/ Missing days</span></th><th class="n">Gián đoạn / Gaps</th><th class="n">Báo động / Alarms</th><th class="n">Lỗi máy in / Printer faults</th></tr></thead>
        <tbody>
        {{#health}}<tr><td>{{kiosk}}</td><td>{{office}}</td><td>{{lastDay}}</td><td class="n{{#silent}} low{{/silent}}">{{silentNights}}</td><td class="n{{#missed}} low{{/missed}}">{{missing}}</td><td class="n">{{gaps}}</td><td class="n{{#alarmed}} low{{/alarmed}}">{{alarms}}</td><td class="n">{{printerFaults}}</td></tr>
        {{/health}}
        </tbody>
        </table>
        </section>
        </main>
        """

    static let kiosks = """
        <header>
        <h1>Máy kiosk <span class="en">/ Kiosks</span></h1>
        <form method="post" action="/logout"><input type="hidden" name="csrf" value="{{csrf}}"><a class="nav" href="/">Tổng hợp / Overview</a> <a class="nav" href="/calendars">Lịch / Calendars</a> <span>{{user}}</span> <button type="submit">Đăng xuất / Sign out</button></form>
        </header>
        <main>
        {{#notice}}<section><p id="notice">{{notice}}</p></section>{{/notice}}
        <section>
        <h2>Đăng ký máy <span class="en">/ Register a kiosk</span></h2>
        <p>Nhập khóa công khai mà lệnh <code>kioskctl enroll</code> in ra trên máy; đọc lại dấu vân tay với văn phòng qua điện thoại. Đăng ký lại cùng mã máy sẽ thay khóa cũ.
        <span class="en">/ Paste the public key that <code>kioskctl enroll</code> printed on the kiosk and read the fingerprint back to the office. Registering the same id again replaces its key.</span></p>
        <p>Mã máy đã thu hồi không đăng ký lại được mà phải khôi phục (ghi lý do); mỗi khóa chỉ thuộc một máy. <span class="en">/ A revoked id is reinstated, with a reason, not registered again; a key belongs to one kiosk.</span> <a href="/audit">Nhật ký quản trị / Audit trail</a></p>
        {{#error}}<p class="error" id="kiosk-error">{{error}}</p>{{/error}}
        <form method="post" action="/kiosks" class="filters" id="register"><input type="hidden" name="csrf" value="{{csrf}}">
        <label>Mã máy <span class="en">/ Kiosk id</span><input name="id" required value="{{form.id}}"></label>
        <label>Mã văn phòng <span class="en">/ Office code</span><input name="office_code" required value="{{form.office_code}}"></label>
        <label>Tên văn phòng <span class="en">/ Office name</span><input name="office_name" required value="{{form.office_name}}"></label>
        <label>Quận/huyện <span class="en">/ District</span><input name="district" required value="{{form.district}}"></label>
        <label>Tỉnh/thành phố <span class="en">/ Province</span><input name="province" required value="{{form.province}}"></label>
        <label>Khóa công khai <span class="en">/ Public key</span><input name="public_key" required size="46" value="{{form.public_key}}"></label>
        <button type="submit">Đăng ký / Register</button>
        </form>
        </section>
        <section>
        <h2>Máy đã đăng ký <span class="en">/ Registered kiosks</span></h2>
        <table id="kiosk-table">
        <thead><tr><th>Mã máy / Kiosk</th><th>Văn phòng / Office</th><th>Quận/huyện, tỉnh <span class="en">/ District, province</span></th><th>Dấu vân tay khóa <span class="en">/ Key fingerprint</span></th><th>Trạng thái <span class="en">/ Status</span></th></tr></thead>
        <tbody>
        {{#kiosks}}<tr data-kiosk="{{id}}" data-status="{{status}}"><td>{{id}}</td><td>{{officeName}} ({{officeCode}})</td><td>{{district}}, {{province}}</td><td><code>{{fingerprint}}</code></td>
        <td>{{#revoked}}<span class="low">Đã thu hồi / Revoked</span>
        <form method="post" action="/kiosks/reinstate"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="id" value="{{id}}"><label>Lý do <span class="en">/ Reason</span><input name="reason" required maxlength="500"></label> <button type="submit">Khôi phục / Reinstate</button></form>{{/revoked}}{{^revoked}}Đang hoạt động / Active
        <form method="post" action="/kiosks/revoke"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="id" value="{{id}}"><label>Lý do <span class="en">/ Reason</span><input name="reason" maxlength="500"></label><label><span><input type="checkbox" name="confirm" value="yes" required> Chắc chắn / Sure</span></label> <button type="submit">Thu hồi / Revoke</button></form>{{/revoked}}</td></tr>
        {{/kiosks}}{{^kiosks}}<tr><td colspan="5">Chưa có máy nào / No kiosks yet</td></tr>{{/kiosks}}
        </tbody>
        </table>
        </section>
        </main>
        """

    static let audit = """
        <header>
        <h1>Nhật ký quản trị <span class="en">/ Audit trail</span></h1>
        <form method="post" action="/logout"><input type="hidden" name="csrf" value="{{csrf}}"><a class="nav" href="/">Tổng hợp / Overview</a> <a class="nav" href="/kiosks">Máy kiosk / Kiosks</a> <a class="nav" href="/users">Tài khoản / Accounts</a> <span>{{user}}</span> <button type="submit">Đăng xuất / Sign out</button></form>
        </header>
        <main>
        <section>
        <p><a href="/audit.csv">Tải CSV / Download CSV</a></p>
        <table id="audit-table">
        <thead><tr><th>Thời điểm (UTC) <span class="en">/ When (UTC)</span></th><th>Người làm <span class="en">/ Who</span></th><th>Việc <span class="en">/ What</span></th><th>Đối tượng <span class="en">/ Subject</span></th><th>Chi tiết <span class="en">/ Details</span></th></tr></thead>
        <tbody>
        {{#entries}}<tr data-action="{{action}}"><td>{{at}}</td><td>{{actor}}</td><td>{{action}}</td><td>{{subject}}</td><td>{{detail}}</td></tr>
        {{/entries}}{{^entries}}<tr><td colspan="5">Chưa có việc nào / Nothing yet</td></tr>{{/entries}}
        </tbody>
        </table>
        </section>
        </main>
        """

    static let users = """
        <header>
        <h1>Tài khoản <span class="en">/ Accounts</span></h1>
        <form method="post" action="/logout"><input type="hidden" name="csrf" value="{{csrf}}"><a class="nav" href="/">Tổng hợp / Overview</a> <a class="nav" href="/audit">Nhật ký / Audit</a> <span>{{user}}</span> <button type="submit">Đăng xuất / Sign out</button></form>
        </header>
        <main>
        {{#notice}}<section><p id="notice">{{notice}}</p></section>{{/notice}}
        {{#error}}<section><p class="error" id="user-error">{{error}}</p></section>{{/error}}
        <section>
        <p>Khóa một tài khoản thì mọi phiên đăng nhập của nó kết thúc ngay. Đặt mật khẩu bằng lệnh <code>collectord user add</code>.
        <span class="en">/ Disabling an account ends its sessions at once. Passwords are set with <code>collectord user add</code>.</span></p>
        <table id="user-table">
        <thead><tr><th>Tài khoản <span class="en">/ Account</span></th><th>Vai trò <span class="en">/ Role</span></th><th>Quận/huyện <span class="en">/ District</span></th><th>Trạng thái <span class="en">/ Status</span></th></tr></thead>
        <tbody>
        {{#accounts}}<tr data-user="{{name}}" data-status="{{status}}"><td>{{name}}</td><td>{{role}}</td><td>{{district}}</td>
        <td>{{#disabled}}<span class="low">Đã khóa / Disabled</span> <form method="post" action="/users/enable"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="name" value="{{name}}"><button type="submit">Mở lại / Enable</button></form>{{/disabled}}{{^disabled}}Đang dùng / Enabled <form method="post" action="/users/disable"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="name" value="{{name}}"><button type="submit">Khóa / Disable</button></form>{{/disabled}}</td></tr>
        {{/accounts}}
        </tbody>
        </table>
        </section>
        </main>
        """

    static let forbidden = """
        <header><h1>Không được phép <span class="en">/ Not allowed</span></h1></header>
        <main><section><p id="forbidden">{{message}}</p><p><a href="/">Về trang chính / Back</a></p></section></main>
        """
}
