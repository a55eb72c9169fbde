package org.asfast.cli;

import org.asfast.live.LiveNode;

/** Runs a test's body with {@code -Dasfast.live.spinMicros} set to a value, and puts the property back as it was. */
final class SpinProperty {
    private SpinProperty() {
    }

    interface Body {
        void run() throws Exception;
    }

    static void with(String value, Body body) throws Exception {
        String before = System.getProperty(LiveNode.SPIN_PROPERTY);
        System.setProperty(LiveNode.SPIN_PROPERTY, value);
        try {
            body.run();
        } finally {
            if (before == null) {
                System.clearProperty(LiveNode.SPIN_PROPERTY);
            } else {
                System.setProperty(LiveNode.SPIN_PROPERTY, before);
            }
        }
    }
}
