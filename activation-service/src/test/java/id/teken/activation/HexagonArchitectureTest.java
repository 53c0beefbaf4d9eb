package id.teken.activation;

import id.teken.devstack.HexagonRules;
import org.junit.jupiter.api.Test;

class HexagonArchitectureTest {

    @Test
    void packagesFollowTheHexagon() {
        HexagonRules.check("id.teken.activation");
    }
}
