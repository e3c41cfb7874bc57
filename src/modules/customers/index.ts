// Public entry of the customers module.
export {
  createCustomersService,
  customerStatuses,
  type CustomersService,
  type Customer,
  type CustomerInput,
  type CustomerPrivate,
  type CustomerStatus,
} from './customers.service.ts';
export { customerErrors } from './customers.errors.ts';
export { customersRoutes } from './customers.routes.ts';
export { customerEvents } from './customers.events.ts';
