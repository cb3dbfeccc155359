package org.userlm.workbench.domain;

/**
 * What the code grader needs to run a code task.
 *
 * @param funcName        the function the tests call ({@code metadata.func_name} / HumanEval {@code entry_point})
 * @param prompt          HumanEval-style prompt (signature + docstring), may be empty
 * @param starterCode     LiveCodeBench starter code, may be empty
 * @param publicTestsJson JSON list of {@code {input, output, testtype}} (LiC), may be null
 * @param privateTests    LiC private tests: JSON, or the base64/zlib/pickle blob as found (never unpickled here)
 * @param checkCode       HumanEval {@code def check(candidate): ...}, may be null
 * @param imports         import lines to prepend to the candidate, may be empty
 */
public record CodeSpec(String funcName, String prompt, String starterCode, String publicTestsJson,
                       String privateTests, String checkCode, String imports) {
}
