package org.mixrl.kernel;

import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.messages.MessageContext;

/** jjava's reply environment for one request (its constructor is protected, hence this class). */
final class RequestEnvironment extends ShellReplyEnvironment {
  RequestEnvironment(ShellChannel replies, StdinChannel stdin, JupyterSocket iopub, MessageContext request) {
    super(replies, stdin, iopub, request);
  }
}
