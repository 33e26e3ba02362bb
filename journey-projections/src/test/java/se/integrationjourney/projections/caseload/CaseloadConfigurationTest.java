package se.integrationjourney.projections.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

class CaseloadConfigurationTest {

    @Test
    void givenNoProperties_whenBound_thenTheThresholdsAreDomainDefaults() {
        assertThat(bind(Map.of()))
                .isEqualTo(CaseloadThresholds.DEFAULTS)
                .isEqualTo(new CaseloadThresholds(30, 60, 90, 30, 90, 3, 90));
    }

    @Test
    void givenProperties_whenBound_thenEachThresholdFollowsItsProperty() {
        CaseloadThresholds bound = bind(Map.of(
                "journey.caseload.introductory-meeting-days", "14",
                "journey.caseload.action-plan-days", "45",
                "journey.caseload.housing-days", "120",
                "journey.caseload.sfi-enrolment-days", "21",
                "journey.caseload.establishment-ending-days", "60",
                "journey.caseload.sfi-right-years", "4",
                "journey.caseload.sfi-right-ending-days", "180"));

        assertThat(bound).isEqualTo(new CaseloadThresholds(14, 45, 120, 21, 60, 4, 180));
    }

    @Test
    void givenANegativeThreshold_whenBound_thenTheContextRefusesToStart() {
        assertThatThrownBy(() -> bind(Map.of("journey.caseload.housing-days", "-1")))
                .hasRootCauseMessage("journey.caseload.housing-days must not be negative, was -1");
        assertThatThrownBy(() -> new CaseloadThresholds(30, 60, 90, 30, 90, 0, 90))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("journey.caseload.sfi-right-years must be at least 1, was 0");
    }

    private static CaseloadThresholds bind(Map<String, Object> properties) {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
            context.register(CaseloadConfiguration.class);
            context.refresh();
            return context.getBean(CaseloadThresholds.class);
        }
    }
}
