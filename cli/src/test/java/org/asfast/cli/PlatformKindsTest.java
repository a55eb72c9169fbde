package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.asfast.spi.PlatformKind;
import org.asfast.spi.Platforms;
import org.asfast.spi.UserError;
import org.junit.jupiter.api.Test;

/** A run records each platform's kind as its provider declares it, whatever the platform is called. */
class PlatformKindsTest {

    @Test
    void theRunRecordsTheKindEachProviderDeclares() {
        Map<String, Object> platforms = RunEnvironment.platforms(List.of("host"), List.of("ds3100-sprite-local", "ds3100-sprite-local@fast-disk"));
        assertEquals(Map.of("kind", "measured", "provider", "org.asfast.host.HostProvider"), platforms.get("host"));
        assertEquals(Map.of("kind", "modelled", "provider", "org.asfast.model.ModelProvider"), platforms.get("ds3100-sprite-local"));
        assertEquals(Map.of("kind", "modelled", "provider", "org.asfast.model.ModelProvider"), platforms.get("ds3100-sprite-local@fast-disk"));
        assertEquals(List.of("host", "ds3100-sprite-local", "ds3100-sprite-local@fast-disk"), List.copyOf(platforms.keySet()));
    }

    @Test
    void anUnknownPlatformHasNoKind() {
        assertThrows(UserError.class, () -> Platforms.kindOf("no-such-platform"));
        assertEquals(PlatformKind.MEASURED, Platforms.kindOf("host"));
        assertEquals(PlatformKind.SIMULATED, Platforms.kindOf("sun3-75-v-sim"), "one provider, two kinds: V simulated ...");
        assertEquals(PlatformKind.LIVE, Platforms.kindOf("v-live"), "... and V live");
        assertEquals(PlatformKind.SIMULATED, Platforms.kindOf("sun3-60-amoeba-sim"));
        assertEquals(PlatformKind.LIVE, Platforms.kindOf("amoeba-live"));
        assertEquals(PlatformKind.SIMULATED, Platforms.kindOf("sun3-60-sprite-sim"));
        assertEquals(PlatformKind.LIVE, Platforms.kindOf("sprite-live"));
        assertEquals(PlatformKind.SIMULATED, Platforms.kindOf("sun3-60-sprite-cache-sim"));
        assertEquals(PlatformKind.LIVE, Platforms.kindOf("sprite-nocache-live"));
    }
}
