export * from './apply-to-ledger';
export * from './cost-items';
export * from './ledger-facts';
export * from './ledger-state';
export * from './regroup';
export * from './project-ledger';
export * from './project-reallocation';
export * from './project-carve-outs';
