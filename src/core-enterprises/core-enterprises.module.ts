import { Module } from '@nestjs/common';
import { CoreEnterprisesController } from './core-enterprises.controller.js';
import { CoreEnterprisesService } from './core-enterprises.service.js';

@Module({
  controllers: [CoreEnterprisesController],
  providers: [CoreEnterprisesService],
  exports: [CoreEnterprisesService],
})
export class CoreEnterprisesModule {}
