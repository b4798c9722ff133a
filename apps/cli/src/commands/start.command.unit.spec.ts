// `start --only projector` must not load the api's HTTP stack (a third of a projector process's
// start-up), nor the api the projector's app: each loads only in the branch that runs it.
jest.mock('../../../api/src/create-api-app', () => {
  throw new Error('the api app was loaded');
});
jest.mock('../../../projector/src/create-projector-app', () => {
  throw new Error('the projector app was loaded');
});

it('loads neither part’s app until it knows which part it runs', () => {
  expect(() => jest.requireActual('./start.command')).not.toThrow();
});
