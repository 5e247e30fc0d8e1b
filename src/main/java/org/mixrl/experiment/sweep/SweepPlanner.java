package org.mixrl.experiment.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mixrl.experiment.AtomicFiles;
import org.mixrl.experiment.InvalidOptionException;
import org.mixrl.experiment.Json;
import org.mixrl.experiment.RunOptions;

/** {@link Sweep#plan}: checks every run of a spec, then writes new runs and replaces bad ones. */
final class SweepPlanner {
  private final Sweep sweep;

  SweepPlanner(Sweep sweep) {
    this.sweep = sweep;
  }

  Sweep.PlanResult plan(SweepSpec spec, CommandKind kind) throws IOException {
    if (!kind.name().equals(spec.command())) {
      throw new IllegalArgumentException("sweep spec: command '" + spec.command()
          + "' does not match '" + kind.name() + "'");
    }
    List<Sweep.Invalid> invalid = new ArrayList<>();
    List<PlannedRun> valid = new ArrayList<>();
    for (Map<String, Object> options : spec.expand()) {
      kind.checkKeys(options);
      try {
        Optional<String> why = kind.invalidReason().apply(options);
        if (why.isPresent()) {
          invalid.add(new Sweep.Invalid(options, why.get()));
          continue;
        }
        kind.check().accept(options);
      } catch (IllegalArgumentException e) {
        throw refusal(spec, options, e);
      }
      PlannedRun run = PlannedRun.of(kind, options);
      if (!valid.contains(run)) {
        valid.add(run);
      }
    }
    if (valid.isEmpty()) {
      throw new IllegalArgumentException("sweep spec: no valid combination"
          + (invalid.isEmpty() ? "" : " (first rejected: " + invalid.get(0).reason() + ")"));
    }
    for (PlannedRun run : valid) {
      Path config = sweep.runDir(run.id()).resolve(Sweep.CONFIG_FILE);
      if (Files.isRegularFile(config)
          && !Files.readString(config, StandardCharsets.UTF_8).equals(run.configJson())) {
        throw new IOException(config + " holds another config than its id says (a hash"
            + " collision or an edited file); move that run away and plan again");
      }
    }
    List<String> before =
        Files.isDirectory(sweep.dir().resolve(Sweep.RUNS_DIR)) ? sweep.ids() : List.of();
    List<PlannedRun> added = new ArrayList<>();
    List<PlannedRun> existing = new ArrayList<>();
    for (PlannedRun run : valid) {
      if (before.contains(run.id())) {
        existing.add(run);
      } else {
        Files.createDirectories(sweep.runDir(run.id()));
        AtomicFiles.write(sweep.runDir(run.id()).resolve(Sweep.CONFIG_FILE), run.configJson());
        added.add(run);
      }
    }
    List<Sweep.Replaced> replaced = new ArrayList<>();
    List<Sweep.Kept> kept = new ArrayList<>();
    replaceEarlierRuns(spec, kind, valid, before, replaced, kept);
    Map<String, Object> specJson = new LinkedHashMap<>();
    specJson.put("command", spec.command());
    specJson.put("base", new LinkedHashMap<>(spec.base()));
    specJson.put("grid", new LinkedHashMap<>(spec.grid()));
    AtomicFiles.write(sweep.dir().resolve(Sweep.SPEC_FILE), Json.write(specJson));
    return new Sweep.PlanResult(added, existing, invalid, replaced, kept);
  }

  /** One line naming the grid cell, the key, the value and the reason, for a refused run. */
  private static IllegalArgumentException refusal(SweepSpec spec, Map<String, Object> options,
      IllegalArgumentException e) {
    List<String> cell = new ArrayList<>();
    for (String k : spec.grid().keySet()) {
      cell.add(k + "=" + CommandKind.text(options.get(k)));
    }
    String where = cell.isEmpty() ? "the spec's only run" : "grid cell " + String.join(" ", cell);
    String what;
    if (e instanceof InvalidOptionException o && options.containsKey(o.option())) {
      what = (spec.base().containsKey(o.option()) ? "base" : "grid") + " \"" + o.option()
          + "\": " + RunOptions.shown(options.get(o.option())) + " in " + where + ": "
          + o.reason();
    } else {
      what = where + ": " + e.getMessage();
    }
    return new IllegalArgumentException(
        "sweep spec: " + what + "; nothing was planned", e);
  }

  /**
   * Removes each run of {@code before} that the spec no longer plans but whose grid cell it
   * plans with other options, if that run failed or cannot run, and has nothing to keep (see
   * {@link Sweep#plan}).
   */
  private void replaceEarlierRuns(SweepSpec spec, CommandKind kind, List<PlannedRun> planned,
      List<String> before, List<Sweep.Replaced> replaced, List<Sweep.Kept> kept)
      throws IOException {
    Set<String> plannedIds = new HashSet<>();
    planned.forEach(r -> plannedIds.add(r.id()));
    for (String id : before) {
      if (plannedIds.contains(id)) {
        continue;
      }
      PlannedRun old;
      try {
        old = sweep.read(id);
      } catch (IllegalArgumentException e) {
        continue; // not a run config this version reads: not ours to remove
      }
      PlannedRun cellRun = sameCell(old, planned, spec.grid().keySet());
      if (cellRun == null) {
        continue;
      }
      String state;
      if (Files.exists(sweep.runDir(id).resolve(Sweep.FAILED_FILE))) {
        state = "failed";
      } else {
        Optional<String> bad = refusedOptions(kind, old.options());
        if (bad.isEmpty()) {
          continue; // a valid run of another spec planned into the same sweep: not a fix
        }
        state = "never ran; its options are refused: " + bad.get();
      }
      Optional<String> refused = sweep.remove(id, kind, false, false);
      if (refused.isEmpty()) {
        replaced.add(new Sweep.Replaced(old, cellRun, state));
      } else if (!refused.get().equals(Sweep.DONE_REASON)) {
        kept.add(new Sweep.Kept(old, cellRun, refused.get()));
      }
    }
  }

  /** Why the command refuses {@code options} (as a plan would), or empty if it accepts them. */
  private static Optional<String> refusedOptions(CommandKind kind, Map<String, Object> options) {
    try {
      kind.checkKeys(options);
      Optional<String> why = kind.invalidReason().apply(options);
      if (why.isPresent()) {
        return why;
      }
      kind.check().accept(options);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The planned run with {@code old}'s command and value of every grid key, or null. */
  private static PlannedRun sameCell(PlannedRun old, List<PlannedRun> planned,
      Set<String> gridKeys) {
    for (PlannedRun run : planned) {
      if (run.command().equals(old.command()) && gridKeys.stream()
          .allMatch(k -> Objects.equals(run.options().get(k), old.options().get(k)))) {
        return run;
      }
    }
    return null;
  }
}
