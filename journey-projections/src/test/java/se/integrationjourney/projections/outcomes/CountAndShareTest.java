package se.integrationjourney.projections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CountAndShareTest {

    @Test
    void givenARepeatingFraction_whenComputingTheShare_thenItIsRoundedTo4Decimals() {
        assertThat(CountAndShare.of(1, 3).share()).isEqualTo(new BigDecimal("0.3333"));
        assertThat(CountAndShare.of(2, 3).share()).isEqualTo(new BigDecimal("0.6667"));
    }

    @Test
    void givenAFractionExactlyHalfwayAtTheFifthDecimal_whenComputingTheShare_thenItRoundsHalfUp() {
        // 1/32 = 0.03125: half-up gives 0.0313 where half-even would give 0.0312
        assertThat(CountAndShare.of(1, 32).share()).isEqualTo(new BigDecimal("0.0313"));
    }

    @Test
    void givenAZeroDenominator_whenComputingTheShare_thenItIsZeroNotAnError() {
        CountAndShare result = CountAndShare.of(0, 0);

        assertThat(result.count()).isZero();
        assertThat(result.share()).isEqualTo(new BigDecimal("0.0000"));
    }

    @Test
    void givenEveryone_whenComputingTheShare_thenItIsOneAtScale4() {
        assertThat(CountAndShare.of(7, 7).share()).isEqualTo(new BigDecimal("1.0000"));
    }

    @Test
    void givenKronobergsFigures_whenComputingTheShare_thenItIs0_8026() {
        // 122 / 152 = 0.80263...
        assertThat(CountAndShare.of(122, 152)).isEqualTo(new CountAndShare(122, new BigDecimal("0.8026")));
    }
}
