package org.mixrl.env;

import java.util.function.Supplier;

/**
 * A registry entry: what an id means and where its definition comes from.
 *
 * @param id the id passed to {@link Envs#make}
 * @param description one line: task, reward and limit
 * @param source the primary source of the definition (repository and file)
 * @param factory builds a fresh env
 */
public record EnvSpec(String id, String description, String source, Supplier<Env> factory) {

  /** Validates that every field is present. */
  public EnvSpec {
    if (id == null || description == null || source == null || factory == null) {
      throw new IllegalArgumentException("EnvSpec: all fields must be non-null, got id=" + id);
    }
  }

  /** A fresh env of this kind. */
  public Env make() {
    return factory.get();
  }
}
