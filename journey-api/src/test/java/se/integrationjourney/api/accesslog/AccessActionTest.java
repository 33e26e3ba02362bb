package se.integrationjourney.api.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every action of the access log says whether it shows personal data (a read) or is an administrative act. */
class AccessActionTest {

    @Test
    void givenEveryAction_whenClassified_thenItIsEitherAReadOrAnActAndNeverBoth() {
        Set<AccessAction> reads = AccessAction.of(AccessAction.Kind.READ);
        Set<AccessAction> acts = AccessAction.of(AccessAction.Kind.ACT);

        Set<AccessAction> neither = EnumSet.allOf(AccessAction.class);
        neither.removeAll(reads);
        neither.removeAll(acts);
        assertThat(neither).as("actions in neither set of AccessAction").isEmpty();
        Set<AccessAction> both = EnumSet.copyOf(reads);
        both.retainAll(acts);
        assertThat(both).as("actions in both sets").isEmpty();
        assertThat(AccessAction.CASELOAD_READ.kind()).isEqualTo(AccessAction.Kind.READ);
        assertThat(AccessAction.RESEARCH_EXTRACT.kind()).isEqualTo(AccessAction.Kind.READ);
        assertThat(AccessAction.ACCOUNT_CREATED.kind()).isEqualTo(AccessAction.Kind.ACT);
    }
}
