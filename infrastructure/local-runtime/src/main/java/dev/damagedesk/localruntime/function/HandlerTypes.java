package dev.damagedesk.localruntime.function;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The input and output types of a {@code RequestHandler<I, O>} implementation, resolved through generic superclasses
 * and interfaces (a handler may extend an abstract base that binds the type arguments), as Lambda's Java runtime does
 * to pick the serializers.
 *
 * @param input  the event type the runtime deserializes into
 * @param output the response type the runtime serializes
 */
public record HandlerTypes(Type input, Type output) {

    /** The types of {@code handlerClass}, which must implement {@link RequestHandler}. */
    public static HandlerTypes of(Class<?> handlerClass) {
        if (!RequestHandler.class.isAssignableFrom(handlerClass)) {
            throw new IllegalArgumentException(handlerClass.getName() + " does not implement " + RequestHandler.class.getName());
        }
        Type[] arguments = find(handlerClass, Map.of())
                .orElseThrow(() -> new IllegalArgumentException("Cannot resolve the RequestHandler type arguments of " + handlerClass.getName()));
        return new HandlerTypes(arguments[0], arguments[1]);
    }

    private static Optional<Type[]> find(Type type, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> scope = new HashMap<>();
        if (type instanceof Class<?> c) {
            raw = c;
        } else if (type instanceof ParameterizedType parameterized) {
            raw = (Class<?>) parameterized.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                scope.put(variables[i], substitute(arguments[i], bindings));
            }
        } else {
            return Optional.empty();
        }
        if (raw == RequestHandler.class) {
            TypeVariable<?>[] variables = raw.getTypeParameters();
            return Optional.of(new Type[] {erased(scope.get(variables[0])), erased(scope.get(variables[1]))});
        }
        for (Type candidate : raw.getGenericInterfaces()) {
            Optional<Type[]> found = find(candidate, scope);
            if (found.isPresent()) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null ? Optional.empty() : find(superclass, scope);
    }

    /** {@code type} with the type variables bound so far replaced, however deeply nested. */
    private static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> variable) {
            return bindings.getOrDefault(variable, variable);
        }
        if (type instanceof ParameterizedType parameterized) {
            Type[] arguments = Arrays.stream(parameterized.getActualTypeArguments())
                    .map(argument -> substitute(argument, bindings)).toArray(Type[]::new);
            return new Parameterized((Class<?>) parameterized.getRawType(), arguments, parameterized.getOwnerType());
        }
        return type;
    }

    /** A raw {@code RequestHandler} or an unbound variable leaves nothing but the bound: Object, as for Lambda. */
    private static Type erased(Type type) {
        if (type == null) {
            return Object.class;
        }
        if (type instanceof TypeVariable<?> variable) {
            return variable.getBounds().length == 0 ? Object.class : erased(variable.getBounds()[0]);
        }
        if (type instanceof WildcardType wildcard) {
            return erased(wildcard.getUpperBounds()[0]);
        }
        return type;
    }

    /** A parameterized type made here, equal to the JDK's own for the same raw type and arguments. */
    private record Parameterized(Class<?> raw, Type[] arguments, Type owner) implements ParameterizedType {

        @Override
        public Type[] getActualTypeArguments() {
            return arguments.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return owner;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ParameterizedType that && raw.equals(that.getRawType())
                    && Objects.equals(owner, that.getOwnerType()) && Arrays.equals(arguments, that.getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(arguments) ^ Objects.hashCode(owner) ^ raw.hashCode();
        }

        @Override
        public String toString() {
            return raw.getTypeName() + Arrays.stream(arguments).map(Type::getTypeName)
                    .collect(Collectors.joining(", ", "<", ">"));
        }
    }
}
