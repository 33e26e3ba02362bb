package se.integrationjourney.api.commandhandling;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds the journey and expected version a command names, as Axon's {@link AnnotationCommandTargetResolver} does
 * ({@code @TargetAggregateIdentifier}, {@code @TargetAggregateVersion}, methods before fields), but looks the
 * annotated members up once per command class instead of on every command: Axon's lists the class's methods and
 * reads their annotations each time, about 6% of a command's CPU (docs/adr/0007-aggregate-cache-and-jdbc-append.md).
 */
final class CachedCommandTargetResolver implements CommandTargetResolver {

    private final ClassValue<Target> targets = new ClassValue<>() {
        @Override
        protected Target computeValue(Class<?> commandType) {
            return new Target(
                    commandType,
                    accessor(commandType, TargetAggregateIdentifier.class),
                    accessor(commandType, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        return targets.get(command.getPayloadType()).of(command.getPayload());
    }

    /** The accessors of one command class; a missing one reads as {@code null}. */
    private record Target(Class<?> type, Function<Object, Object> identifier, Function<Object, Object> version) {

        VersionedAggregateIdentifier of(Object command) {
            Object identifier = this.identifier.apply(command);
            if (identifier == null) {
                throw new IllegalArgumentException(String.format(
                        "Invalid command. It does not identify the target"
                                + " aggregate. Make sure at least one of the fields or methods in the [%s] class contains the"
                                + " @TargetAggregateIdentifier annotation and that it returns a non-null value.",
                        type.getSimpleName()));
            }
            return new VersionedAggregateIdentifier(identifier, asLong(version.apply(command)));
        }

        private static Long asLong(Object version) {
            if (version == null) {
                return null;
            }
            if (version instanceof Number number) {
                return number.longValue();
            }
            try {
                return Long.parseLong(version.toString());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The value provided for the version is not a number.", e);
            }
        }
    }

    private static Function<Object, Object> accessor(Class<?> type, Class<? extends Annotation> annotation) {
        for (Method method : ReflectionUtils.methodsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                Method accessible = ReflectionUtils.ensureAccessible(method);
                return command -> invoke(accessible, command);
            }
        }
        for (Field field : ReflectionUtils.fieldsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                return command -> ReflectionUtils.getFieldValue(field, command);
            }
        }
        return command -> null;
    }

    private static Object invoke(Method method, Object command) {
        try {
            return method.invoke(command);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(
                    "An exception occurred while extracting aggregate information form a" + " command", e);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(
                    "The current security context does not allow extraction of aggregate"
                            + " information from the given command.",
                    e);
        }
    }
}
