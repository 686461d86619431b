package dev.mlops4j.store.jdbc;

import dev.mlops4j.search.SearchRequest;
import dev.mlops4j.spi.PageTokens;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunPage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Executes a run search: one query selects the page's runs (one row more than the page, to know whether
 * another page follows), then one query per table loads their params, latest metrics and tags.
 */
final class RunSearch {
    private final JdbcReads reads;
    private final SqlDialect dialect;

    RunSearch(JdbcReads reads, SqlDialect dialect) {
        this.reads = reads;
        this.dialect = dialect;
    }

    RunPage search(Connection c, SearchRequest request) throws SQLException {
        String fingerprint = request.queryFingerprint();
        long offset = PageTokens.decode(request.pageToken(), fingerprint);
        List<Long> experiments = new ArrayList<>();
        for (String id : request.experimentIds()) {
            OptionalLong key = Rows.experimentKey(id);
            key.ifPresent(experiments::add);
        }
        if (experiments.isEmpty()) {
            return new RunPage(List.of(), null); // none of the ids can exist in this store
        }
        int pageSize = request.maxResults();
        SearchSql.Query query = SearchSql.build(dialect, experiments, request.filter(), request.orderBy(), offset,
                pageSize + 1);
        Map<Long, RunInfo> runs = new LinkedHashMap<>();
        boolean more = false;
        try (PreparedStatement ps = c.prepareStatement(query.sql())) {
            dialect.planSearchWithItsValues(ps);
            bind(ps, query.params());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (runs.size() == pageSize) {
                        more = true;
                        break;
                    }
                    runs.put(rs.getLong(1), Rows.runInfo(rs, 2));
                }
            }
        }
        String next = more ? PageTokens.encode(offset + pageSize, fingerprint) : null;
        return new RunPage(reads.records(c, runs), next);
    }

    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (p instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (p instanceof Double d) {
                ps.setDouble(i + 1, d);
            } else if (p instanceof String s) {
                ps.setString(i + 1, s);
            } else {
                throw new IllegalArgumentException("unsupported parameter " + p);
            }
        }
    }
}
