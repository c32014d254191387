import { describeTransportContract } from '../../../../test/support/messaging/transport-contract.js';

describeTransportContract('postgres');
