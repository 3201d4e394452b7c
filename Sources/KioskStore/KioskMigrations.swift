import GRDB

/// Schema of the tally store. Append migrations; never edit a shipped one.
enum KioskMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-daily-tallies") { db in
            try db.execute(
                sql: """
                    CREATE TABLE vote_tally (
                        day TEXT NOT NULL,
                        terminal TEXT NOT NULL,
                        counter TEXT NOT NULL,
                        service TEXT NOT NULL,
                        question TEXT NOT NULL,
                        choice TEXT NOT NULL,
                        score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
                        satisfied INTEGER NOT NULL CHECK (satisfied IN (0, 1)),
                        count INTEGER NOT NULL CHECK (count > 0),
                        PRIMARY KEY (day, terminal, counter, service, question, choice, score, satisfied)
                    ) WITHOUT ROWID;
                    CREATE TABLE press_tally (
                        day TEXT NOT NULL,
                        terminal TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        count INTEGER NOT NULL CHECK (count > 0),
                        PRIMARY KEY (day, terminal, kind)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v2-tickets") { db in
            // issued_at is seconds since 1970 as text: the queue needs arrival order (FIFO) and
            // waiting times. Tickets are not votes; no table here refers to a rating.
            try db.execute(
                sql: """
                    CREATE TABLE ticket (
                        day TEXT NOT NULL,
                        service TEXT NOT NULL,
                        number INTEGER NOT NULL CHECK (number > 0),
                        letter TEXT NOT NULL,
                        priority TEXT NOT NULL DEFAULT '',
                        terminal TEXT NOT NULL,
                        issued_at TEXT NOT NULL,
                        status TEXT NOT NULL DEFAULT 'waiting',
                        print_state TEXT NOT NULL DEFAULT 'pending',
                        print_job INTEGER,
                        print_message TEXT NOT NULL DEFAULT '',
                        PRIMARY KEY (day, service, number)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v3-sealed-days") { db in
            // What a sealed day holds beyond votes and tickets: slips printed per procedure and
            // printer faults per day (counts only), then the sealed days themselves (the outbox:
            // pushed = 0 until the collector has them) and the day the hash chain starts.
            try db.execute(
                sql: """
                    CREATE TABLE slip_tally (
                        day TEXT NOT NULL,
                        procedure TEXT NOT NULL,
                        count INTEGER NOT NULL CHECK (count > 0),
                        PRIMARY KEY (day, procedure)
                    ) WITHOUT ROWID;
                    CREATE TABLE printer_fault_tally (
                        day TEXT NOT NULL,
                        printer TEXT NOT NULL,
                        fault TEXT NOT NULL,
                        count INTEGER NOT NULL CHECK (count > 0),
                        PRIMARY KEY (day, printer, fault)
                    ) WITHOUT ROWID;
                    CREATE TABLE sealed_day (
                        day TEXT NOT NULL PRIMARY KEY,
                        body BLOB NOT NULL,
                        hash TEXT NOT NULL,
                        signature TEXT NOT NULL,
                        pushed INTEGER NOT NULL DEFAULT 0 CHECK (pushed IN (0, 1))
                    ) WITHOUT ROWID;
                    CREATE TABLE chain_start (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        day TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v4-queue") { db in
            // Where each ticket stands in the queue (status: waiting, called, serving, served,
            // no-show): the queue it waits in after a transfer ('' = its own service), the one counter
            // it was sent to, the counter that has it, how often it was called, when it was first
            // called (its wait), since when it is in its state, when it was finished (its service
            // time); and which counters are paused. Tickets are never linked to a vote.
            try db.execute(
                sql: """
                    ALTER TABLE ticket ADD COLUMN waiting_for TEXT NOT NULL DEFAULT '';
                    ALTER TABLE ticket ADD COLUMN only_counter TEXT NOT NULL DEFAULT '';
                    ALTER TABLE ticket ADD COLUMN counter TEXT NOT NULL DEFAULT '';
                    ALTER TABLE ticket ADD COLUMN calls INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE ticket ADD COLUMN first_called_at TEXT;
                    ALTER TABLE ticket ADD COLUMN state_since TEXT;
                    ALTER TABLE ticket ADD COLUMN finished_at TEXT;
                    CREATE TABLE counter_state (
                        counter TEXT NOT NULL PRIMARY KEY,
                        paused INTEGER NOT NULL CHECK (paused IN (0, 1))
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v5-print-crashes") { db in
            // How often cupsd crashed on a ticket's print job: after the second crash the ticket
            // is 'held' (print_state) until staff ask for it again (`kioskctl print retry`).
            try db.execute(sql: "ALTER TABLE ticket ADD COLUMN print_crashes INTEGER NOT NULL DEFAULT 0")
        }
        migrator.registerMigration("v6-ticket-forecast") { db in
            // The wait forecast made when the ticket was issued (`WaitForecast`): the tickets before
            // it, and the minutes until it is called (NULL: none). Tickets issued before keep 0 and NULL.
            try db.execute(
                sql: """
                    ALTER TABLE ticket ADD COLUMN forecast_ahead INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE ticket ADD COLUMN forecast_minutes INTEGER;
                    """)
        }
        return migrator
    }
}
