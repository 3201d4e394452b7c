import GRDB

/// Schema of the tally store. Append migrations; never edit a shipped one.
enum TallyMigrations {
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
        return migrator
    }
}
