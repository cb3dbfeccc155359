package org.userlm.workbench.domain;

/**
 * One cell of an experiment: a simulator profile against an assistant profile.
 *
 * @param index     simulator index × number of assistants + assistant index
 * @param simulator the simulator profile's name
 * @param assistant the assistant profile's name
 */
public record ExperimentCell(int index, String simulator, String assistant) {
}
