package se.integrationjourney.api.architecture.broken;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the architecture forbids, for ArchitectureTest to show that its rule fails on it: a controller with SQL. */
@RestController
@Profile("never") // never a bean of any context: only ArchitectureTest reads it
public class ControllerReadingSql {

    private final JdbcTemplate jdbc;

    public ControllerReadingSql(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/never-served")
    public Long count() {
        return jdbc.queryForObject("select count(*) from caseload", Long.class);
    }
}
