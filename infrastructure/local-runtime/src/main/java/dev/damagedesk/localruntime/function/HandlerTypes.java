package dev.damagedesk.localruntime.function;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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
        Map<TypeVariable<?>, Type> scope = new HashMap<>(bindings);
        if (type instanceof Class<?> c) {
            raw = c;
        } else if (type instanceof ParameterizedType parameterized) {
            raw = (Class<?>) parameterized.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                scope.put(variables[i], resolve(arguments[i], bindings));
            }
        } else {
            return Optional.empty();
        }
        if (raw == RequestHandler.class) {
            TypeVariable<?>[] variables = raw.getTypeParameters();
            return Optional.of(new Type[] {resolved(scope.get(variables[0])), resolved(scope.get(variables[1]))});
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

    private static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> variable && bindings.containsKey(variable)) {
            return bindings.get(variable);
        }
        return type;
    }

    /** A raw {@code RequestHandler} or an unbound variable leaves nothing but the bound: Object, as for Lambda. */
    private static Type resolved(Type type) {
        if (type == null) {
            return Object.class;
        }
        if (type instanceof TypeVariable<?> variable) {
            return variable.getBounds().length == 0 ? Object.class : resolved(variable.getBounds()[0]);
        }
        if (type instanceof WildcardType wildcard) {
            return resolved(wildcard.getUpperBounds()[0]);
        }
        return type;
    }
}
