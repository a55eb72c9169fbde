package org.asfast.xfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The wire form: each kind carries its own fields, and only those; reading another is an error. */
class MessageTest {
    private static final byte[] FRAGMENT = {1, 2, 3, 4, 5};

    private static Message full(Message.Kind kind) {
        return new Message(kind, 11, 22, 33, 44, 55, 66, kind.carriesData() ? FRAGMENT : new byte[0]);
    }

    @Test
    void everyKindKeepsTheFieldsItCarriesAndDecodesTheOthersAsZero() {
        for (Message.Kind kind : Message.Kind.values()) {
            Message sent = full(kind);
            byte[] bytes = sent.encode();
            assertEquals(kind.headerBytes() + sent.data().length, bytes.length, kind.toString());
            Message got = Message.decode(bytes);
            for (Message.Field f : Message.Field.values()) {
                assertEquals(kind.fields().contains(f) ? sent.value(f) : 0, got.value(f), kind + " " + f);
            }
            assertArrayEquals(sent.data(), got.data(), kind.toString());
        }
    }

    @Test
    void readingAFieldItsKindDoesNotCarryFailsLoudly() {
        Message invalidate = Message.decode(full(Message.Kind.INVALIDATE).encode()); // block and transaction only
        assertEquals(11, invalidate.block());
        assertEquals(33, invalidate.txn());
        IllegalStateException e = assertThrows(IllegalStateException.class, invalidate::version);
        assertEquals("a message of kind INVALIDATE carries no version (Message.Kind lists what each kind carries); its receiver must not read one", e.getMessage());
        assertThrows(IllegalStateException.class, invalidate::request);
        assertThrows(IllegalStateException.class, invalidate::node);
        assertThrows(IllegalStateException.class, invalidate::index);
        for (Message.Kind kind : Message.Kind.values()) { // every accessor of a carried field answers
            Message m = full(kind);
            for (Message.Field f : kind.fields()) {
                long value = switch (f) {
                    case BLOCK -> m.block();
                    case REQUEST -> m.request();
                    case TXN -> m.txn();
                    case NODE -> m.node();
                    case VERSION -> m.version();
                    case INDEX -> m.index();
                };
                assertEquals(m.value(f), value, kind + " " + f);
            }
        }
    }

    @Test
    void aControlMessageIsItsKindByteAndItsFields() {
        assertEquals(1 + 8 + 8, Message.Kind.READ_MISS.headerBytes(), "block, request");
        assertEquals(1 + 8, Message.Kind.PING.headerBytes(), "request");
        assertEquals(1 + 8 + 8 + 8 + 8 + 4, Message.Kind.GRANT.headerBytes(), "block, request, transaction, version, group");
        assertEquals(1 + 8 + 8 + 8 + 8 + 4 + 4, Message.Kind.FRAGMENT.headerBytes(), "block, request, transaction, version, index, length");
    }

    @Test
    void cutOrPaddedBytesAndDataOnAControlKindAreRefused() {
        byte[] bytes = full(Message.Kind.GRANT).encode();
        assertNull(Message.decode(Arrays.copyOf(bytes, bytes.length - 1)));
        assertNull(Message.decode(Arrays.copyOf(bytes, bytes.length + 1)));
        byte[] data = full(Message.Kind.DATA).encode();
        assertNull(Message.decode(Arrays.copyOf(data, data.length - 1)));
        assertNull(Message.decode(new byte[] {(byte) Message.Kind.values().length}));
        assertThrows(IllegalArgumentException.class, () -> new Message(Message.Kind.GRANT, 1, 1, 1, 1, 1, 1, FRAGMENT).encode());
    }
}
