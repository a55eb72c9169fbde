package org.asfast.jmh;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asfast.spi.Platform;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Runs one of this module's benchmarks on a platform the caller opened, in this thread and without JMH, the way
 * JMH runs it on a modelled platform (one warm-up batch, one measured batch): the benchmark's states are made and
 * set up as JMH makes them (@Param fields from the given values, @Setup and @TearDown at trial, iteration and
 * invocation level, a state's set-up taking other states), and the result is read from {@link VirtualTime}.
 * {@code asfast model} and the calibrator run the modelled machines this way, hundreds of times faster than through
 * JMH, with the same figures.
 */
public final class DirectRun {
    private DirectRun() {
    }

    /** Virtual nanoseconds and bytes per measured operation. */
    public record PerOperation(double nanos, double bytes) {
    }

    /**
     * Runs {@code benchmark} (class and method, e.g. {@code org.asfast.jmh.GetpidBenchmark.getpid}) with the @Param
     * values {@code params} on {@code platform}: {@code warmups} operations, then {@code measured} more, whose virtual
     * time is the result. The platform is closed at the end, as JMH's trial tear-down closes it.
     */
    public static PerOperation run(String benchmark, Map<String, String> params, Platform platform, int warmups, int measured) {
        int dot = benchmark.lastIndexOf('.');
        Class<?> type = load(benchmark.substring(0, dot));
        Method method = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(benchmark.substring(dot + 1)) && m.isAnnotationPresent(Benchmark.class)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no @Benchmark method " + benchmark));
        States states = new States(params, platform.name());
        OnPlatform.GIVEN.set(platform);
        try {
            Object target = type.isAnnotationPresent(State.class) ? states.get(type) : construct(type);
            Object[] args = Arrays.stream(method.getParameterTypes()).map(states::get).toArray();
            VirtualTime time = (VirtualTime) Arrays.stream(args).filter(a -> a instanceof VirtualTime).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(benchmark + " takes no VirtualTime, so its virtual time cannot be read"));
            for (int batch : new int[] {warmups, measured}) {
                states.call(Setup.class, Level.Iteration);
                for (int i = 0; i < batch; i++) {
                    states.call(Setup.class, Level.Invocation);
                    invoke(method, target, args);
                    states.call(TearDown.class, Level.Invocation);
                }
                states.call(TearDown.class, Level.Iteration);
            }
            return new PerOperation((double) time.virtualNanos / time.operations, (double) time.bytes / time.operations);
        } finally {
            try {
                states.call(TearDown.class, Level.Trial);
            } finally {
                OnPlatform.GIVEN.remove();
                if (!states.opensPlatform()) {
                    platform.close(); // no state got as far as taking it, so no tear-down closed it
                }
            }
        }
    }

    /** The states of one run, one of each class (JMH's thread scope), in the order they were made: a state's dependencies first. */
    private static final class States {
        private final Map<String, String> params;
        private final String platform;
        private final Map<Class<?>, Object> made = new LinkedHashMap<>();
        private final Map<String, List<Method>> found = new java.util.HashMap<>();

        States(Map<String, String> params, String platform) {
            this.params = params;
            this.platform = platform;
        }

        Object get(Class<?> type) {
            Object state = made.get(type);
            if (state != null) {
                return state;
            }
            if (!type.isAnnotationPresent(State.class)) {
                throw new IllegalArgumentException(type.getName() + " is not a JMH @State");
            }
            for (Method m : lifecycle(type)) {
                for (Class<?> dependency : m.getParameterTypes()) {
                    get(dependency);
                }
            }
            state = construct(type);
            inject(state);
            made.put(type, state);
            for (Method m : at(type, Setup.class, Level.Trial)) {
                invoke(m, state, args(m));
            }
            return state;
        }

        /** Calls every state's set-up (or tear-down) methods of one level; tear-downs in the reverse order of the states. */
        void call(Class<? extends java.lang.annotation.Annotation> kind, Level level) {
            List<Object> states = new ArrayList<>(made.values());
            if (kind == TearDown.class) {
                java.util.Collections.reverse(states);
            }
            for (Object state : states) {
                for (Method m : at(state.getClass(), kind, level)) {
                    invoke(m, state, args(m));
                }
            }
        }

        /** A state's methods of one kind and level, found once per run (an invocation-level call happens every operation). */
        private List<Method> at(Class<?> type, Class<? extends java.lang.annotation.Annotation> kind, Level level) {
            return found.computeIfAbsent(type.getName() + " " + kind.getSimpleName() + " " + level, k -> lifecycle(type).stream()
                    .filter(m -> m.isAnnotationPresent(kind) && (kind == Setup.class ? m.getAnnotation(Setup.class).value() : m.getAnnotation(TearDown.class).value()) == level)
                    .toList());
        }

        /** True once a state that opens (and so closes) the platform has been made. */
        boolean opensPlatform() {
            return made.values().stream().anyMatch(s -> s instanceof OnPlatform<?>);
        }

        private Object[] args(Method m) {
            return Arrays.stream(m.getParameterTypes()).map(this::get).toArray();
        }

        private void inject(Object state) {
            for (Class<?> c = state.getClass(); c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    Param param = f.getAnnotation(Param.class);
                    if (param == null) {
                        continue;
                    }
                    String value = f.getName().equals("platform") ? platform : params.get(f.getName());
                    if (value == null && param.value().length == 1) {
                        value = param.value()[0];
                    }
                    if (value == null) {
                        throw new IllegalArgumentException(state.getClass().getName() + " needs a value for @Param " + f.getName() + " (one of "
                                + String.join(", ", param.value()) + "): give it in the workload's params");
                    }
                    set(f, state, value);
                }
            }
        }
    }

    /** A state's @Setup and @TearDown methods, the superclass's first, as JMH calls them. */
    private static List<Method> lifecycle(Class<?> type) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            chain.addFirst(c);
        }
        List<Method> methods = new ArrayList<>();
        for (Class<?> c : chain) {
            Arrays.stream(c.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(Setup.class) || m.isAnnotationPresent(TearDown.class))
                    .sorted(java.util.Comparator.comparing(Method::getName))
                    .forEach(methods::add);
        }
        return methods;
    }

    private static void set(Field f, Object state, String value) {
        Class<?> t = f.getType();
        Object converted;
        if (t == String.class) {
            converted = value;
        } else if (t == int.class || t == Integer.class) {
            converted = Integer.parseInt(value);
        } else if (t == long.class || t == Long.class) {
            converted = Long.parseLong(value);
        } else if (t == double.class || t == Double.class) {
            converted = Double.parseDouble(value);
        } else if (t == boolean.class || t == Boolean.class) {
            converted = Boolean.parseBoolean(value);
        } else if (t.isEnum()) {
            converted = enumValue(t, value);
        } else {
            throw new IllegalArgumentException("@Param " + f.getName() + " has a type DirectRun cannot set: " + t.getName());
        }
        try {
            f.setAccessible(true);
            f.set(state, converted);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String value) {
        return Enum.valueOf((Class) type, value);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no benchmark class " + name, e);
        }
    }

    private static Object construct(Class<?> type) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + type.getName() + ": " + e, e);
        }
    }

    /** Invokes a benchmark or life-cycle method, passing on what it throws as it threw it. */
    private static void invoke(Method m, Object target, Object[] args) {
        try {
            m.setAccessible(true);
            m.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
