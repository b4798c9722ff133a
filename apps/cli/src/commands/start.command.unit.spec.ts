// `start --only projector` must not carry the api's HTTP stack (it was most of a projector
// process's start-up and memory), nor the api the projector's: each app loads only in its branch.
jest.mock('../../../api/src/create-api-app', () => {
  throw new Error('the api app was loaded');
});
jest.mock('../../../projector/src/create-projector-app', () => {
  throw new Error('the projector app was loaded');
});

it('loads neither part’s app until it knows which part it runs', () => {
  expect(() => jest.requireActual('./start.command')).not.toThrow();
});
