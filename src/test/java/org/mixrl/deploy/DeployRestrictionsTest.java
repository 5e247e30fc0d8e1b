package org.mixrl.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The package's promises to a restricted host, checked on its compiled classes: no reflection,
 * no threads, no service loading or network, and no static mutable state. A class file names
 * every class and method it calls in its constant pool, so a forbidden call shows up there.
 */
class DeployRestrictionsTest {
  private static final List<Class<?>> CLASSES = List.of(DeployedPolicy.class,
      PolicySession.class, DenseLayer.class, PolicyFile.class, PolicyMetadata.class,
      PolicyFormatException.class);

  /** Constant-pool names a deploy class must not mention. */
  private static final List<String> FORBIDDEN = List.of(
      "java/lang/reflect/", // Method, Field, Constructor, Proxy
      "getEnumConstants", // Class.getEnumConstants calls values() by reflection
      "forName", "getDeclared", "getMethod", "newInstance", "setAccessible",
      "java/lang/Thread", "java/util/concurrent/", "java/util/ServiceLoader", "java/net/");

  @Test
  void noDeployClassMentionsReflectionThreadsServicesOrTheNetwork() throws IOException {
    for (Class<?> c : CLASSES) {
      String text = classFileText(c);
      // the scan must see the class file's names, or it would pass vacuously
      assertTrue(text.contains(c.getName().replace('.', '/')), c + ": class file not read");
      for (String f : FORBIDDEN) {
        assertFalse(text.contains(f), c.getSimpleName() + ".class mentions " + f);
      }
    }
  }

  @Test
  void everyStaticFieldIsFinal() {
    for (Class<?> c : CLASSES) {
      for (Field f : c.getDeclaredFields()) {
        int m = f.getModifiers();
        if (Modifier.isStatic(m)) {
          assertTrue(Modifier.isFinal(m), c.getSimpleName() + "." + f.getName()
              + " is static and not final");
        }
      }
    }
  }

  /** The class file's bytes as ISO-8859-1 text: its constant pool's names read as written. */
  private static String classFileText(Class<?> c) throws IOException {
    try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
      assertNotNull(in, "no class file for " + c);
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
