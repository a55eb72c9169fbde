package org.asfast.model;

import org.asfast.model.Namespace.Node;

/**
 * Where a configuration's files live and what each file operation costs there: the local disk with
 * the operating system's write policy, or a server reached by NFS or AFS (Sprite's is mounted: {@link RemoteFileSystem}).
 * Each method charges the whole operation, system call included.
 */
interface FileService {
    void open(String path, Node node);

    void create(String path, Node node);

    void write(String path, Node node, long offset, long bytes);

    void read(String path, Node node, long offset, long bytes);

    void close(String path, Node node, boolean written);

    void unlink(String path, Node node);

    void stat(String path, Node node);

    void mkdir(String path, Node node);

    /** Loading a program to run (cp, the compiler's passes). */
    void exec();
}
