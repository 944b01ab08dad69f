import { Module } from '@nestjs/common';
import { ExposureModule } from '../exposure/exposure.module.js';
import { CoreEnterprisesController } from './core-enterprises.controller.js';
import { CoreEnterprisesService } from './core-enterprises.service.js';

@Module({
  imports: [ExposureModule],
  controllers: [CoreEnterprisesController],
  providers: [CoreEnterprisesService],
  exports: [CoreEnterprisesService],
})
export class CoreEnterprisesModule {}
