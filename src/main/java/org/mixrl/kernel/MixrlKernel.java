package org.mixrl.kernel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.MessageType;

/**
 * The Jupyter side of the kernel: jjava-jupyter's {@link BaseKernel} handles the requests
 * (execute, streams, display, interrupt, shutdown) that {@link KernelChannels} has verified;
 * this class answers each one with the
 * {@link CellEvaluator}, {@link CodeAssist} and {@link DisplayRenderer}.
 */
public final class MixrlKernel extends BaseKernel {
  private final CellEvaluator evaluator;
  private final CodeAssist assist;
  private final DisplayRenderer displays = new DisplayRenderer();

  /** A kernel evaluating cells in {@code evaluator}; {@code version} is mixrl's. */
  public MixrlKernel(CellEvaluator evaluator, String version) {
    super(
        "mixrl",
        version,
        new LanguageInfo(
            "java",
            Runtime.version().toString(),
            "text/x-java-source",
            ".jshell",
            "java",
            "text/x-java",
            "script"),
        List.of(),
        null, // no history: notebooks keep their own
        new JupyterIO(StandardCharsets.UTF_8),
        new CommManager(),
        new Renderer(),
        null, // no magics: cells are plain Java
        null,
        false, // no ServiceLoader extensions: the kernel is exactly what mixrl ships
        // Plain error text: our reports are already laid out, and colours hide nothing.
        new StringStyler.Builder().build());
    this.evaluator = evaluator;
    this.assist = new CodeAssist(evaluator.analysis());
  }

  /**
   * Makes this kernel the handler of every request {@code channels} can deliver: the same table
   * jjava's {@code becomeHandlerForConnection} sets up on its own connection class, which mixrl
   * replaces with {@link KernelChannels} so that a forged or malformed message cannot stop a
   * channel.
   */
  public void serveOn(KernelChannels channels) {
    channels.handle(MessageType.EXECUTE_REQUEST, this::handleExecuteRequest);
    channels.handle(MessageType.INSPECT_REQUEST, this::handleInspectRequest);
    channels.handle(MessageType.COMPLETE_REQUEST, this::handleCompleteRequest);
    channels.handle(MessageType.HISTORY_REQUEST, this::handleHistoryRequest);
    channels.handle(MessageType.IS_COMPLETE_REQUEST, this::handleIsCodeCompeteRequest);
    channels.handle(MessageType.KERNEL_INFO_REQUEST, this::handleKernelInfoRequest);
    channels.handle(MessageType.SHUTDOWN_REQUEST, this::handleShutdownRequest);
    channels.handle(MessageType.INTERRUPT_REQUEST, this::handleInterruptRequest);
    commManager.setIOPubChannel(channels.iopub());
    channels.handle(MessageType.COMM_OPEN_COMMAND, commManager::handleCommOpenCommand);
    channels.handle(MessageType.COMM_MSG_COMMAND, commManager::handleCommMsgCommand);
    channels.handle(MessageType.COMM_CLOSE_COMMAND, commManager::handleCommCloseCommand);
    channels.handle(MessageType.COMM_INFO_REQUEST, commManager::handleCommInfoRequest);
  }

  @Override
  public void onStartup() {
    super.onStartup();
    Display.setSink(value -> display(displays.render(value)));
  }

  @Override
  public Object evalRaw(String code) {
    CellEvaluator.Value value = evaluator.eval(code);
    return value == null ? null : displays.render(value.object(), value.text());
  }

  @Override
  public List<String> formatError(Throwable e) {
    if (e instanceof CellException ce) {
      return ce.report();
    }
    return super.formatError(e);
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    return null; // no documentation lookup yet
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    // Jupyter counts the cursor in code points, Java strings in UTF-16 units.
    int cursor = code.offsetByCodePoints(0, Math.min(at, code.codePointCount(0, code.length())));
    CodeAssist.Completion c = assist.complete(code, cursor);
    return new ReplacementOptions(
        c.matches(), code.codePointCount(0, c.start()), code.codePointCount(0, c.end()));
  }

  @Override
  public String isComplete(String code) {
    switch (assist.isComplete(code)) {
      case COMPLETE:
        return IS_COMPLETE_YES;
      case INCOMPLETE:
        return "    "; // the indent for the next line
      default:
        return IS_COMPLETE_BAD;
    }
  }

  @Override
  public void interrupt() {
    evaluator.stop();
  }

  @Override
  public void onShutdown(boolean isRestarting) {
    Display.setSink(null);
    evaluator.close();
    super.onShutdown(isRestarting);
  }
}
