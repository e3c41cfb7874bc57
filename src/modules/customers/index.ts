// Public entry of the customers module.
export { createCustomersService, type CustomersService, type Customer, type CustomerInput, type CustomerPrivate } from './customers.service.ts';
export { customersRoutes } from './customers.routes.ts';
export { customerEvents } from './customers.events.ts';
