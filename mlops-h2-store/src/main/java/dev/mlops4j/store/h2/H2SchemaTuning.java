package dev.mlops4j.store.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Schema version 6 on H2 (the script {@code V6__physical_tuning.sql} says why): foreign keys re-created on the
 * explicit indexes that duplicate their own, and a larger id cache for runs. The names of the constraints H2 made
 * for foreign keys declared inline are its own choice, so they are looked up in its catalog.
 */
final class H2SchemaTuning {
    /** The schema version this tuning belongs to. */
    static final int VERSION = 6;
    /** Ids of new runs handed out per catalog write. */
    static final int RUN_ID_CACHE = 1024;

    /**
     * A one-column foreign key and the name it gets when re-created; H2 re-creates it on an existing index of exactly
     * that column.
     */
    record ForeignKey(String table, String column, String referencedTable, String referencedColumn, String name) {
    }

    /** The foreign keys whose own index duplicated an explicit index on their column. */
    static final List<ForeignKey> DUPLICATED = List.of(
            new ForeignKey("MLOPS_LINEAGE_EVENTS", "ARTIFACT_ID", "MLOPS_LINEAGE_ARTIFACTS", "ARTIFACT_ID",
                    "MLOPS_LINEAGE_EVENTS_ARTIFACT_FK"),
            new ForeignKey("MLOPS_LINEAGE_ATTRIBUTIONS", "EXECUTION_ID", "MLOPS_LINEAGE_EXECUTIONS", "EXECUTION_ID",
                    "MLOPS_LINEAGE_ATTRIBUTIONS_EXECUTION_FK"));

    private H2SchemaTuning() {
    }

    /**
     * @param c the migrating connection
     * @throws SQLException on a database failure
     */
    static void apply(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (ForeignKey fk : DUPLICATED) {
                // Identifiers from the list above and from H2's catalog, quoted: nothing here comes from a user.
                for (String existing : foreignKeysOn(c, fk.table(), fk.column())) {
                    s.execute("ALTER TABLE " + fk.table() + " DROP CONSTRAINT \"" + existing + "\"");
                }
                s.execute("ALTER TABLE " + fk.table() + " ADD CONSTRAINT " + fk.name() + " FOREIGN KEY ("
                        + fk.column() + ") REFERENCES " + fk.referencedTable() + " (" + fk.referencedColumn() + ")");
            }
            s.execute("ALTER TABLE MLOPS_RUNS ALTER COLUMN RUN_PK SET CACHE " + RUN_ID_CACHE);
        }
    }

    /** @return the names of the foreign keys of that table on that column */
    static List<String> foreignKeysOn(Connection c, String table, String column) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tc.CONSTRAINT_NAME FROM"
                + " INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k"
                + " ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                + " WHERE tc.CONSTRAINT_TYPE = 'FOREIGN KEY' AND tc.TABLE_SCHEMA = CURRENT_SCHEMA"
                + " AND tc.TABLE_NAME = ? AND k.COLUMN_NAME = ?")) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
