package org.kiban.insight.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.kiban.common.InvalidValueException;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Saved cost scenarios: a name, optionally the group, and the assumptions (results are recomputed on read). */
@Service
public class CostScenarios {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CostScenarios(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public record Scenario(long id, String name, String groupId, CostAssumptions assumptions, Instant updatedAt,
                           String updatedBy) {

        public CostModel.Result result() {
            return CostModel.simulate(assumptions);
        }
    }

    public List<Scenario> all() {
        return jdbc.sql("select * from cost_scenario order by updated_at desc, scenario_id desc").query(this::map).list();
    }

    public Optional<Scenario> find(long id) {
        return jdbc.sql("select * from cost_scenario where scenario_id = ?").param(id).query(this::map).optional();
    }

    public Scenario get(long id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("シナリオ", id));
    }

    @Transactional
    public Scenario save(Long id, String name, String groupId, CostAssumptions assumptions) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidValueException("invalid-scenario-name", "シナリオ名を100文字以内で指定してください。");
        }
        CostModel.validate(assumptions);
        String actor = TenantContext.currentActor().qualifiedId();
        Timestamp now = Timestamp.from(Instant.now());
        String text = json.writeValueAsString(assumptions);
        String group = groupId == null || groupId.isBlank() ? null : groupId;
        if (group != null && jdbc.sql("select count(*) from onboarding_group where group_id = ?").param(group)
                .query(Integer.class).single() == 0) {
            throw ProblemException.notFound("グループ", group);
        }
        if (id == null) {
            long newId = jdbc.sql("""
                            insert into cost_scenario (name, group_id, assumptions, created_at, created_by, updated_at, updated_by)
                            values (?, ?, ?::jsonb, ?, ?, ?, ?) returning scenario_id""")
                    .params(name.strip(), group, text, now, actor, now, actor).query(Long.class).single();
            return get(newId);
        }
        int n = jdbc.sql("""
                        update cost_scenario set name = ?, group_id = ?, assumptions = ?::jsonb, updated_at = ?, updated_by = ?
                        where scenario_id = ?""")
                .params(name.strip(), group, text, now, actor, id).update();
        if (n == 0) {
            throw ProblemException.notFound("シナリオ", id);
        }
        return get(id);
    }

    @Transactional
    public void delete(long id) {
        if (jdbc.sql("delete from cost_scenario where scenario_id = ?").param(id).update() == 0) {
            throw ProblemException.notFound("シナリオ", id);
        }
    }

    private Scenario map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Scenario(rs.getLong("scenario_id"), rs.getString("name"), rs.getString("group_id"),
                json.readValue(rs.getString("assumptions"), CostAssumptions.class), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }
}
