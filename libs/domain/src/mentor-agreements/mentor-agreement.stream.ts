/** Stream of a mentor agreement and its hours. */
export const mentorAgreementStream = (municipality: string, agreementId: string): string =>
  `mentor-agreement-${municipality}-${agreementId}`;
