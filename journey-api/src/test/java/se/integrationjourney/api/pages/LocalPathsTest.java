package se.integrationjourney.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalPathsTest {

    @Test
    void givenAPathOfThisServiceWithAnInstantOrASpaceInItsQuery_whenChecked_thenItIsKept() {
        assertThat(LocalPaths.orHome("/outcomes/changes?cohortYear=2021&before=2026-03-01T08:00:00.123Z"))
                .isEqualTo("/outcomes/changes?cohortYear=2021&before=2026-03-01T08:00:00.123Z");
        assertThat(LocalPaths.orHome("/outcomes?knownAt=last+spring")).isEqualTo("/outcomes?knownAt=last+spring");
    }

    @Test
    void givenAnotherSiteOrSomethingElse_whenChecked_thenHome() {
        assertThat(LocalPaths.orHome("//evil.example/outcomes")).isEqualTo("/");
        assertThat(LocalPaths.orHome("/\\evil.example")).isEqualTo("/");
        assertThat(LocalPaths.orHome("https://evil.example")).isEqualTo("/");
        assertThat(LocalPaths.orHome("javascript:alert(1)")).isEqualTo("/");
        assertThat(LocalPaths.orHome("/outcomes\"><script>")).isEqualTo("/");
        assertThat(LocalPaths.orHome(null)).isEqualTo("/");
    }
}
