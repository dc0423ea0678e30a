/**
 * procsim's checkers: judgements on histories of client operations, recorded by procsim or read
 * from anyone's files. Needs nothing else of procsim. Only {@code dev.procsim.check} is public API.
 *
 * <pre>{@code
 * History history = JepsenLog.read(Path.of("etcd_002.log"));
 * CheckResult result = Linearizability.check(Models.casRegister(), history, Duration.ofSeconds(60));
 * }</pre>
 */
module dev.procsim.check {
  // Only for HistoryJson, which a user who writes JSON lines brings jackson-databind for.
  requires static com.fasterxml.jackson.databind;

  exports dev.procsim.check;
}
