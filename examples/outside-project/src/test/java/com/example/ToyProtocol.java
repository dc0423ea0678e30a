package com.example;

import dev.procsim.core.Message;
import dev.procsim.core.WireProtocol;

/** The README's toy protocol: a process sends with {@code to:<target>|<body>} and reads {@code <sender>|<body>}. */
public class ToyProtocol implements WireProtocol {
  @Override
  public WireProtocol.Decoded decode(String line) {            // one stdout line, without its line break
    if (!line.startsWith("to:")) return WireProtocol.Decoded.output(line);
    int bar = line.indexOf('|');
    if (bar < 0) return WireProtocol.Decoded.malformed("no '|' after the target");
    return WireProtocol.Decoded.send(line.substring(3, bar), line.substring(bar + 1));
  }

  @Override
  public String encode(Message message) {                      // the stdin line a delivery becomes
    return message.from() + "|" + message.body();
  }
}
