package org.mixrl.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvsTest {

  @Test
  void registersTheTenTasks() {
    assertEquals(
        List.of(
            "Pendulum-v1", "MountainCarContinuous-v0", "AcrobotContinuous-v1",
            "Pendulum-unshaped-v0", "Pendulum-sparse-v0",
            "Acrobot-unshaped-v0", "Acrobot-sparse-v0",
            "MountainCar-unshaped-v0", "MountainCar-sparse-v0", "MultiGoal-v0"),
        Envs.ids());
    assertEquals(Envs.ids().size(), new HashSet<>(Envs.ids()).size());
  }

  @Test
  void everySpecBuildsAFreshEnvWithItsOwnId() {
    for (EnvSpec spec : Envs.list()) {
      Env a = spec.make();
      assertEquals(spec.id(), a.id());
      assertFalse(a == spec.make(), "make returns a new instance");
      assertFalse(spec.description().isBlank());
      assertFalse(spec.source().isBlank());
      assertEquals(spec.id(), Envs.make(spec.id()).id());
    }
  }

  @Test
  void limitsAreThoseOfTheSources() {
    assertEquals(200, Envs.make("Pendulum-v1").maxEpisodeSteps());
    assertEquals(999, Envs.make("MountainCarContinuous-v0").maxEpisodeSteps());
    assertEquals(500, Envs.make("AcrobotContinuous-v1").maxEpisodeSteps());
    assertEquals(30, Envs.make("MultiGoal-v0").maxEpisodeSteps());
    for (String id : Envs.ids()) {
      if (id.contains("unshaped") || id.contains("sparse")) {
        assertEquals(1000, Envs.make(id).maxEpisodeSteps(), id);
      }
    }
  }

  @Test
  void unknownIdFailsListingTheKnownIds() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Envs.make("CartPole-v1"));
    assertTrue(e.getMessage().contains("CartPole-v1"), e.getMessage());
    for (String id : Envs.ids()) {
      assertTrue(e.getMessage().contains(id), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> Envs.make(null));
  }

  @Test
  void listIsUnmodifiable() {
    assertThrows(UnsupportedOperationException.class, () -> Envs.list().clear());
  }
}
