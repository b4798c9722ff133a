/** Stream of a project: its registration, its participants' offers and its shared costs. */
export const projectStream = (municipality: string, projectId: string): string =>
  `project-${municipality}-${projectId}`;
