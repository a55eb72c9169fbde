package org.asfast.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.asfast.check.Explorer;
import org.asfast.check.Explorer.Result;
import org.asfast.checks.Checks.Check;
import org.junit.jupiter.api.Test;

/** Every configuration asfast check runs finds what it should, and one that holds covered its bounded space. */
class ChecksTest {

    @Test
    void everyConfigurationFindsWhatItShould() {
        for (Check check : Checks.all()) {
            Result r = check.run();
            System.out.println(check.system() + " " + check.name() + ": " + Explorer.summary(r));
            String what = check.system() + " " + check.name() + ": " + Explorer.summary(r) + (r.holds() ? "" : "\n" + r.violation().render());
            assertTrue(check.asExpected(r), what);
            assertFalse(r.stoppedAtLimit(), what);
            if (r.holds()) {
                assertEquals(0, r.cut(), what + ": the bound should cover every execution");
                assertTrue(r.states() > 50, what); // a configuration that barely moves checks little
            }
        }
    }
}
