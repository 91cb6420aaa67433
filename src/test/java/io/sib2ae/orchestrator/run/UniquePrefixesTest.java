package io.sib2ae.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UniquePrefixesTest {

    @Test
    void idsWhoseShortPrefixesCollideGetLongerOnesAndOthersKeepTheShortOne() {
        String a = "2584802d-2469-4e45-8cf0-ff934e1032d7";
        String b = "25848aaa-2469-4e45-8cf0-ff934e1032d7";
        String c = "25849999-2469-4e45-8cf0-ff934e1032d7";
        String d = "abcd0000-0000-5000-8000-000000000000";
        Map<String, String> prefixes = ManifestPlanner.uniquePrefixes(List.of(a, b, c, d), 4);
        assertThat(prefixes.get(d)).isEqualTo("abcd");
        // a, b and c share "2584"; one more character does not tell a from b, two do.
        assertThat(prefixes.get(a)).isEqualTo("258480");
        assertThat(prefixes.get(b)).isEqualTo("25848a");
        assertThat(prefixes.get(c)).isEqualTo("258499");
        assertThat(prefixes.values()).doesNotHaveDuplicates();
    }
}
