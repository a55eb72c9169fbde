package org.asfast.v;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.asfast.nodes.Work;

/**
 * V's kernel process server ("a new process is created by sending the request to the kernel process server"),
 * invoked as a procedure inside the kernel: CREATE allocates and initialises a process descriptor (its
 * {@code process_descriptor_bytes} written through memory, the template VMTP header among them, and the
 * server's own work); DESTROY deletes it. Creating a process is "simply a matter of allocating and initializing a
 * new process descriptor": address spaces and stacks are not the kernel's (the run-time library allocates a
 * process's stack in the existing address space, {@link VPlatform#createAndDestroyProcess}).
 */
final class ProcessServer implements VServer {
    static final int CREATE = 1;
    static final int DESTROY = 2;

    private final Map<Integer, byte[]> descriptors = new HashMap<>();
    private VKernel kernel;

    @Override
    public void started(VKernel kernel, int pid) {
        this.kernel = kernel;
    }

    /** The request message: an operation and, for DESTROY, the process. */
    static byte[] message(int op, int pid) {
        return ByteBuffer.allocate(Packet.MESSAGE_BYTES).putInt(op).putInt(pid).array();
    }

    /** The process a reply names: the one created, or -1 when a DESTROY named none. */
    static int pidIn(byte[] reply) {
        return ByteBuffer.wrap(reply, 4, 4).getInt();
    }

    /** Process descriptors in use: one per created, undestroyed process. */
    int descriptors() {
        return descriptors.size();
    }

    @Override
    public void receive(Request request) {
        ByteBuffer m = ByteBuffer.wrap(request.message());
        int op = m.getInt();
        int pid = m.getInt();
        kernel.context().work(Work.KERNEL_CALL, kernel.context().parameter("process_descriptor_instructions"));
        int answer = switch (op) {
            case CREATE -> {
                int created = kernel.newClient();
                int bytes = (int) kernel.context().parameter("process_descriptor_bytes");
                kernel.copy(bytes); // every field initialised, the VMTP header template with them
                descriptors.put(created, new byte[bytes]);
                yield created;
            }
            case DESTROY -> descriptors.remove(pid) != null ? pid : -1;
            default -> throw new IllegalArgumentException("the process server has no operation " + op);
        };
        kernel.reply(request, message(op, answer), new byte[0]);
    }
}
