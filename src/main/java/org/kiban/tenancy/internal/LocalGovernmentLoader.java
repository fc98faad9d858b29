package org.kiban.tenancy.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.kiban.tenancy.LocalGovernment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After every migration, loads the list of local governments into {@code local_government} as the schema owner
 * (the application role may only read it). The file is parsed and checked each start; the table is rewritten
 * only when the file changed.
 */
@Component
class LocalGovernmentLoader implements Callback {

    private static final Logger log = LoggerFactory.getLogger(LocalGovernmentLoader.class);
    static final String DATASET = "local-governments";

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        LocalGovernmentList list = LocalGovernmentList.load();
        try {
            store(context.getConnection(), list);
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the list of local governments", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "local-government-loader";
    }

    static void store(Connection c, LocalGovernmentList list) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select sha256 from reference_data_version where dataset = ?")) {
            ps.setString(1, DATASET);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getString(1).equals(list.sha256())) {
                    return;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into local_government (lg_code, kind, name, kana, prefecture_code, parent_lg_code, population,
                                              households, population_date, living_cost_grade)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (lg_code) do update set kind = excluded.kind, name = excluded.name, kana = excluded.kana,
                    prefecture_code = excluded.prefecture_code, parent_lg_code = excluded.parent_lg_code,
                    population = excluded.population, households = excluded.households,
                    population_date = excluded.population_date, living_cost_grade = excluded.living_cost_grade
                """)) {
            for (LocalGovernment lg : list.entries()) {
                ps.setString(1, lg.lgCode());
                ps.setString(2, lg.kind().name());
                ps.setString(3, lg.name());
                ps.setString(4, lg.kana());
                ps.setString(5, lg.prefectureCode());
                ps.setString(6, lg.parentLgCode());
                setInteger(ps, 7, lg.population());
                setInteger(ps, 8, lg.households());
                ps.setDate(9, lg.populationDate() == null ? null : Date.valueOf(lg.populationDate()));
                ps.setString(10, lg.livingCostGrade());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into reference_data_version (dataset, sha256, rows, loaded_at) values (?, ?, ?, ?)
                on conflict (dataset) do update set sha256 = excluded.sha256, rows = excluded.rows,
                    loaded_at = excluded.loaded_at
                """)) {
            ps.setString(1, DATASET);
            ps.setString(2, list.sha256());
            ps.setInt(3, list.entries().size());
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        }
        log.info("loaded {} local governments ({})", list.entries().size(), list.sha256().substring(0, 12));
    }

    private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }
}
