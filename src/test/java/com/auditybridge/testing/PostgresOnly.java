package com.auditybridge.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** A test that only means something on Postgres (several replicas on one database): runs under {@code -Ppostgres}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("postgres")
@EnabledIfSystemProperty(named = "bridge.test.database", matches = "postgres")
public @interface PostgresOnly {}
