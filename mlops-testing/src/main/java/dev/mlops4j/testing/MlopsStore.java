package dev.mlops4j.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Chooses the store of the {@link dev.mlops4j.Mlops} that {@link MlopsExtension} injects. On a test method it
 * applies to that test; on a class to all its tests, including those of its {@code @Nested} classes and
 * subclasses. The annotation nearest to the test wins, and any annotation wins over the extension's default.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface MlopsStore {

    /** @return the kind of store */
    StoreKind value();
}
