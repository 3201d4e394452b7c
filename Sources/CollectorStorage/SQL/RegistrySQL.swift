import CollectorCore

/// The kiosk registry's statements, the same on both engines; each store runs them in its own
/// transaction (PostgreSQL adds an advisory lock around a registration).
struct RegistrySQL {
    let dialect: SQLDialect

    func kiosk(id: String) -> SQLStatement {
        dialect.statement("SELECT * FROM kiosk WHERE id = ?", [.text(id)])
    }

    func kiosks() -> SQLStatement {
        dialect.statement("SELECT * FROM kiosk ORDER BY province, district, office_code, id", [])
    }

    /// Another kiosk registered with `publicKey`, if any (its `id`).
    func keyHolder(publicKey: String, besides id: String) -> SQLStatement {
        dialect.statement("SELECT id FROM kiosk WHERE public_key = ? AND id <> ? LIMIT 1", [.text(publicKey), .text(id)])
    }

    func save(_ kiosk: KioskRegistration) -> SQLStatement {
        dialect.statement(
            """
            INSERT INTO kiosk (id, office_code, office_name, district, province, public_key, revoked)
            VALUES (?, ?, ?, ?, ?, ?, 0)
            ON CONFLICT (id) DO UPDATE SET office_code = excluded.office_code, office_name = excluded.office_name,
                district = excluded.district, province = excluded.province, public_key = excluded.public_key
            """,
            [.text(kiosk.id), .text(kiosk.officeCode), .text(kiosk.officeName), .text(kiosk.district), .text(kiosk.province), .text(kiosk.publicKey)])
    }

    /// Revokes or reinstates; changes no row unless the kiosk was the other way.
    func setRevoked(_ id: String, to revoked: Bool) -> SQLStatement {
        dialect.statement(
            "UPDATE kiosk SET revoked = ? WHERE id = ? AND revoked = ?\(dialect.returning("id"))",
            [.integer(revoked ? 1 : 0), .text(id), .integer(revoked ? 0 : 1)])
    }
}

extension KioskRegistration {
    init(row: some SQLRow) throws {
        self.init(
            id: try row.text("id"), officeCode: try row.text("office_code"), officeName: try row.text("office_name"),
            district: try row.text("district"), province: try row.text("province"), publicKey: try row.text("public_key"),
            revoked: try row.integer("revoked") != 0)
    }
}
