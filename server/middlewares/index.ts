import availability from './availability';

export default { availability };
